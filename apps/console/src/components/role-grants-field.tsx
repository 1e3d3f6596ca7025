import { Button, Form, Select, Space } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useEnvironmentSelect } from './use-environment-select';

const ROLES = [
  { label: 'Developer', value: 'developer' },
  { label: 'Administrator', value: 'admin' },
  { label: 'Auditor (read only)', value: 'auditor' },
];

/** A user's role grants, one environment and role per row, as a form's `roles` field. */
export const RoleGrantsField = () => {
  const environments = useEnvironmentSelect();
  return (
    <Form.List name="roles">
      {(grants, { add, remove }) => (
        <Form.Item label="Roles">
          {grants.map(({ key, name }) => (
            <Space key={key} align="baseline">
              <Form.Item name={[name, 'environment']} rules={[{ required: true }]}>
                <Select
                  {...environments}
                  aria-label="Environment"
                  placeholder="Environment"
                  style={{ width: 200 }}
                />
              </Form.Item>
              <Form.Item name={[name, 'role']} rules={[{ required: true }]}>
                <Select aria-label="Role" options={ROLES} style={{ width: 160 }} />
              </Form.Item>
              <Button
                type="text"
                aria-label="Remove this role"
                icon={<MinusCircleOutlined />}
                onClick={() => remove(name)}
              />
            </Space>
          ))}
          <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ role: 'developer' })}>
            Grant a role
          </Button>
        </Form.Item>
      )}
    </Form.List>
  );
};
