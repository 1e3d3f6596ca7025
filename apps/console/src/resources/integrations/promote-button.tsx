import { useState } from 'react';
import { useCustomMutation, useList } from '@refinedev/core';
import { Button, Form, Modal, Select } from 'antd';
import { RocketOutlined } from '@ant-design/icons';
import { useAdminEnvironments } from '../../components/use-admin-environments';
import type { Deployment, Environment, PublishedVersion } from '../../types';
import type { DeploymentsShow } from './bound-connection';

type Props = {
  integrationId: string;
  versions: PublishedVersion[];
  onPromoted: (shows: DeploymentsShow) => void;
};
type Values = { version: number; environment: string };

/** Promotes a published version to a qa or production environment the user administers. */
export const PromoteButton = ({ integrationId, versions, onPromoted }: Props) => {
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<Values>();
  const administered = useAdminEnvironments();
  const { result } = useList<Environment>({ resource: 'environments', pagination: { mode: 'off' } });
  const { mutate, mutation } = useCustomMutation<Deployment>();
  const targets = result.data.filter(
    ({ name, kind }) => kind !== 'development' && administered.includes(name),
  );
  if (targets.length === 0) return null;

  const promote = (values: Values) =>
    mutate(
      {
        url: `/integrations/${integrationId}/deployments`,
        method: 'post',
        values,
        successNotification: {
          type: 'success',
          message: `Version ${values.version} promoted to ${values.environment}`,
        },
      },
      {
        onSuccess: () => {
          setOpen(false);
          onPromoted((deployments) =>
            deployments.some(
              ({ environment, version }) => environment === values.environment && version === values.version,
            ),
          );
        },
      },
    );

  return (
    <>
      <Button icon={<RocketOutlined />} disabled={versions.length === 0} onClick={() => setOpen(true)}>
        Promote
      </Button>
      <Modal
        open={open}
        title="Promote a version"
        okText="Promote"
        okButtonProps={{ loading: mutation.isPending }}
        onOk={() => form.submit()}
        onCancel={() => setOpen(false)}
        afterClose={() => form.resetFields()}
        destroyOnHidden
      >
        <Form
          form={form}
          layout="vertical"
          initialValues={{ version: versions[0]?.version }}
          onFinish={promote}
        >
          <Form.Item label="Version" name="version" rules={[{ required: true }]}>
            <Select options={versions.map(({ version }) => ({ value: version, label: `v${version}` }))} />
          </Form.Item>
          <Form.Item label="Environment" name="environment" rules={[{ required: true }]}>
            <Select
              options={targets.map(({ name, kind }) => ({ value: name, label: `${name} (${kind})` }))}
            />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
};
