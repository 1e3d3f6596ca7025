import type { HttpError } from '@refinedev/core';
import { Create, useForm } from '@refinedev/antd';
import { Checkbox, Form, Input, Select } from 'antd';
import type { Environment } from '../../types';

type EnvironmentDraft = Pick<Environment, 'name' | 'kind' | 'address'> & { anotherDevelopment?: boolean };

const KINDS = [
  { label: 'Development', value: 'development' },
  { label: 'Quality assurance', value: 'qa' },
  { label: 'Production', value: 'production' },
];

export const EnvironmentCreate = () => {
  const { formProps, saveButtonProps, form } = useForm<Environment, HttpError, EnvironmentDraft>();
  const kind = Form.useWatch('kind', form);
  return (
    <Create title="Add environment" saveButtonProps={saveButtonProps}>
      <Form {...formProps} layout="vertical" style={{ maxWidth: 640 }}>
        <Form.Item label="Name" name="name" rules={[{ required: true, whitespace: true }]}>
          <Input />
        </Form.Item>
        <Form.Item label="Kind" name="kind" rules={[{ required: true }]}>
          <Select options={KINDS} />
        </Form.Item>
        {kind === 'development' && (
          <Form.Item
            name="anotherDevelopment"
            valuePropName="checked"
            extra="Integrations are built in the development environment; add a second one only on purpose."
          >
            <Checkbox>Add another development environment</Checkbox>
          </Form.Item>
        )}
        <Form.Item label="Address" name="address" rules={[{ type: 'url', message: 'Enter a URL' }]}>
          <Input placeholder="https://dev.example.com" />
        </Form.Item>
      </Form>
    </Create>
  );
};
