import { useList } from '@refinedev/core';
import { Form, Input, InputNumber, Select, Switch } from 'antd';
import type { Provider, ProviderField, ProviderId } from '../types';
import { ConnectionOptions } from './connection-options';
import { useEnvironmentSelect } from './use-environment-select';

type Props = {
  /** Fixed by the caller (the wizard knows both); otherwise the user picks them. */
  environment?: string;
  provider?: ProviderId;
  defaultEnvironment?: string;
  withNote?: boolean;
  /** Changing a connection: its password has a way of its own (rotation), and every option is sent. */
  editing?: boolean;
};

/** Secrets travel beside the details, never inside them; a dotted name (`options.auth`) is nested. */
const fieldName = (field: ProviderField) =>
  field.type === 'password' ? 'password' : ['details', ...field.name.split('.')];

const ProviderFieldItem = ({ field }: { field: ProviderField }) => {
  const rules = [{ required: field.required, message: `${field.label} is required` }];
  switch (field.type) {
    case 'password':
      return (
        <Form.Item label={field.label} name={fieldName(field)} rules={rules}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      );
    case 'number':
      return (
        <Form.Item label={field.label} name={fieldName(field)} rules={rules}>
          <InputNumber style={{ width: '100%' }} />
        </Form.Item>
      );
    case 'boolean':
      return (
        <Form.Item label={field.label} name={fieldName(field)} valuePropName="checked">
          <Switch />
        </Form.Item>
      );
    case 'choice':
      return (
        <Form.Item label={field.label} name={fieldName(field)} rules={rules}>
          <Select
            allowClear
            placeholder={field.choices?.[0] === undefined ? undefined : `Default: ${field.choices[0]}`}
            options={(field.choices ?? []).map((value) => ({ value, label: value }))}
          />
        </Form.Item>
      );
    default:
      return (
        <Form.Item label={field.label} name={fieldName(field)} rules={rules}>
          <Input />
        </Form.Item>
      );
  }
};

/** Every detail an administrator needs to create the connection, described by the provider itself. */
export const ConnectionFields = ({ environment, provider, defaultEnvironment, withNote, editing }: Props) => {
  const form = Form.useFormInstance();
  const chosenProvider = Form.useWatch<ProviderId | undefined>('provider', form) ?? provider;
  const { result: providers } = useList<Provider>({ resource: 'providers', pagination: { mode: 'off' } });
  const environmentSelect = useEnvironmentSelect({ enabled: environment === undefined });
  const fields = (providers.data.find((p) => p.id === chosenProvider)?.fields ?? []).filter(
    (field) => !editing || field.type !== 'password',
  );

  return (
    <>
      <Form.Item label="Name" name="name" rules={[{ required: true, message: 'Name the connection' }]}>
        <Input />
      </Form.Item>
      <Form.Item
        label="Environment"
        name="environment"
        hidden={environment !== undefined}
        initialValue={environment ?? defaultEnvironment}
        rules={[{ required: true }]}
      >
        <Select {...environmentSelect} />
      </Form.Item>
      <Form.Item
        label="Provider"
        name="provider"
        hidden={provider !== undefined}
        initialValue={provider}
        rules={[{ required: true }]}
      >
        <Select
          options={providers.data.map((p) => ({ label: p.name, value: p.id, disabled: !p.available }))}
        />
      </Form.Item>
      {fields.map((field) => (
        <ProviderFieldItem key={field.name} field={field} />
      ))}
      <ConnectionOptions provider={fields.length > 0 ? chosenProvider : undefined} forceRender={editing} />
      {withNote && (
        <Form.Item label="Note for the administrator" name="note">
          <Input.TextArea rows={3} />
        </Form.Item>
      )}
    </>
  );
};
