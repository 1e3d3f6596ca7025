import type { HttpError } from '@refinedev/core';
import { Create, useForm } from '@refinedev/antd';
import { Button, Checkbox, Form, Input, Select, Space } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useEnvironmentSelect } from '../../components/use-environment-select';
import { currentEnvironment, readSession } from '../../providers/session';
import type { RoleGrant, UserView } from '../../types';

type UserDraft = {
  username: string;
  password: string;
  displayName?: string;
  roles: RoleGrant[];
  owner?: boolean;
};

const ROLES = [
  { label: 'Developer', value: 'developer' },
  { label: 'Administrator', value: 'admin' },
  { label: 'Auditor (read only)', value: 'auditor' },
];

/** An IT user with role grants per environment. */
export const UserCreate = () => {
  const { formProps, saveButtonProps } = useForm<UserView, HttpError, UserDraft>();
  const environments = useEnvironmentSelect();
  return (
    <Create saveButtonProps={saveButtonProps}>
      <Form
        {...formProps}
        layout="vertical"
        style={{ maxWidth: 640 }}
        initialValues={{ roles: [{ environment: currentEnvironment(), role: 'developer' }] }}
      >
        <Form.Item label="Username" name="username" rules={[{ required: true, whitespace: true }]}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item label="Display name" name="displayName">
          <Input />
        </Form.Item>
        <Form.Item label="Password" name="password" rules={[{ required: true, min: 8 }]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
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
        {readSession()?.user.owner === true && (
          <Form.Item
            name="owner"
            valuePropName="checked"
            extra="Owners create environments and run the installation's operations."
          >
            <Checkbox>Owner of the installation</Checkbox>
          </Form.Item>
        )}
      </Form>
    </Create>
  );
};
