import { useState } from 'react';
import { useCustomMutation, useList } from '@refinedev/core';
import { Button, Form, Modal, Select } from 'antd';
import { RocketOutlined } from '@ant-design/icons';
import { isPendingChange, type PendingChange } from '../../components/pending-change';
import { useAdminEnvironments } from '../../components/use-admin-environments';
import { usePendingChangeNotice } from '../../components/use-pending-change-notice';
import type { Deployment, Environment, PublishedVersion, SchemaDifference } from '../../types';
import type { DeploymentsShow } from './bound-connection';
import { SchemaMismatch } from './schema-mismatch';
import { schemaMismatchOf, unlessSchemaMismatch } from './schema-mismatch-error';

type Props = {
  integrationId: string;
  versions: PublishedVersion[];
  onPromoted: (shows: DeploymentsShow) => void;
};
type Values = { version: number; environment: string; reason?: string };

/** Promotes a published version to a qa or production environment the user administers. */
export const PromoteButton = ({ integrationId, versions, onPromoted }: Props) => {
  const [open, setOpen] = useState(false);
  /** The differences the gate refused the last promotion for: the next one is forced with a reason. */
  const [mismatch, setMismatch] = useState<SchemaDifference[]>();
  const [form] = Form.useForm<Values>();
  const administered = useAdminEnvironments();
  const { result } = useList<Environment>({ resource: 'environments', pagination: { mode: 'off' } });
  // The deployment (200), or a change request waiting for another administrator (202, four eyes).
  const { mutate, mutation } = useCustomMutation<Deployment | PendingChange>();
  const noticePending = usePendingChangeNotice();
  const targets = result.data.filter(
    ({ name, kind }) => kind !== 'development' && administered.includes(name),
  );
  if (targets.length === 0) return null;

  const promote = ({ version, environment, reason }: Values) =>
    mutate(
      {
        url: `/integrations/${integrationId}/deployments`,
        method: 'post',
        values: { version, environment, ...(mismatch ? { force: true, reason } : {}) },
        errorNotification: unlessSchemaMismatch,
        successNotification: (response) =>
          isPendingChange(response?.data)
            ? false
            : { type: 'success', message: `Version ${version} promoted to ${environment}` },
      },
      {
        onSuccess: ({ data }) => {
          setOpen(false);
          if (isPendingChange(data))
            return noticePending(data, `The promotion of version ${version} to ${environment}`);
          onPromoted((deployments) =>
            deployments.some((shown) => shown.environment === environment && shown.version === version),
          );
        },
        onError: (error) => setMismatch(schemaMismatchOf(error)),
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
        okText={mismatch ? 'Deploy anyway' : 'Promote'}
        okButtonProps={{ loading: mutation.isPending, danger: mismatch !== undefined }}
        onOk={() => form.submit()}
        onCancel={() => setOpen(false)}
        afterClose={() => {
          form.resetFields();
          setMismatch(undefined);
        }}
        destroyOnHidden
      >
        <Form
          form={form}
          layout="vertical"
          initialValues={{ version: versions[0]?.version }}
          onFinish={promote}
          // Another version or environment is another comparison: the gate answers it afresh.
          onValuesChange={(changed: Partial<Values>) => {
            if ('version' in changed || 'environment' in changed) setMismatch(undefined);
          }}
        >
          <Form.Item label="Version" name="version" rules={[{ required: true }]}>
            <Select options={versions.map(({ version }) => ({ value: version, label: `v${version}` }))} />
          </Form.Item>
          <Form.Item label="Environment" name="environment" rules={[{ required: true }]}>
            <Select
              options={targets.map(({ name, kind }) => ({ value: name, label: `${name} (${kind})` }))}
            />
          </Form.Item>
          {mismatch && <SchemaMismatch differences={mismatch} />}
        </Form>
      </Modal>
    </>
  );
};
