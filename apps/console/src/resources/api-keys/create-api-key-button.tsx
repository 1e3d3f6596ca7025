import { useState } from 'react';
import { useCustomMutation } from '@refinedev/core';
import { Button, Form, Input, Modal } from 'antd';
import { KeyOutlined } from '@ant-design/icons';
import type { ApiKeyDraft, CreatedApiKey } from '../../types';
import { ApiKeyCreatedModal } from './api-key-created-modal';
import { ApiKeyScopeFields, type ScopeFields, scopeOf } from './api-key-scope';

type Props = { environment: string; onCreated: (key: CreatedApiKey) => void };
type Draft = Omit<ApiKeyDraft, 'scope'> & ScopeFields;

/** Gives an app a key to the data API of the environment; the key then shows once. */
export const CreateApiKeyButton = ({ environment, onCreated }: Props) => {
  const [open, setOpen] = useState(false);
  const [created, setCreated] = useState<CreatedApiKey>();
  const [form] = Form.useForm<Draft>();
  const { mutate, mutation } = useCustomMutation<CreatedApiKey>();

  const create = ({ appName, label, ...fields }: Draft) => {
    const scope = scopeOf(fields);
    mutate(
      {
        url: `/environments/${encodeURIComponent(environment)}/api-keys`,
        method: 'post',
        values: {
          appName,
          ...(label?.trim() ? { label: label.trim() } : {}),
          ...(scope === undefined ? {} : { scope }),
        },
        successNotification: false,
      },
      {
        onSuccess: ({ data }) => {
          setOpen(false);
          setCreated(data);
          onCreated(data);
        },
      },
    );
  };

  return (
    <>
      <Button type="primary" icon={<KeyOutlined />} onClick={() => setOpen(true)}>
        Create key
      </Button>
      <Modal
        open={open}
        title={`Create an API key for ${environment}`}
        okText="Create"
        okButtonProps={{ loading: mutation.isPending }}
        onOk={() => form.submit()}
        onCancel={() => setOpen(false)}
        afterClose={() => form.resetFields()}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={create}>
          <Form.Item
            label="App name"
            name="appName"
            rules={[{ required: true, whitespace: true }, { max: 100 }]}
            extra="The app that calls the data API with this key"
          >
            <Input autoFocus />
          </Form.Item>
          <Form.Item label="Label" name="label" rules={[{ max: 200 }]}>
            <Input />
          </Form.Item>
          <ApiKeyScopeFields environment={environment} />
        </Form>
      </Modal>
      <ApiKeyCreatedModal apiKey={created} onClose={() => setCreated(undefined)} />
    </>
  );
};
