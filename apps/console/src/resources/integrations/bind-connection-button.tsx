import { useState } from 'react';
import { CanAccess, useCustomMutation, useList } from '@refinedev/core';
import { Button, Form, Modal, Select } from 'antd';
import { LinkOutlined } from '@ant-design/icons';
import { isPendingChange, type PendingChange } from '../../components/pending-change';
import { usePendingChangeNotice } from '../../components/use-pending-change-notice';
import type { Connection, Deployment, Integration, SchemaDifference } from '../../types';
import { boundConnection, type DeploymentsShow } from './bound-connection';
import { SchemaMismatch } from './schema-mismatch';
import { schemaMismatchOf, unlessSchemaMismatch } from './schema-mismatch-error';

type Props = {
  integration: Integration;
  deployment: Deployment;
  onBound: (shows: DeploymentsShow) => void;
};
type Values = { connectionId: string; reason?: string };

/** Binds the connection that serves the integration in an environment (a connection of that environment). */
export const BindConnectionButton = ({ integration, deployment, onBound }: Props) => {
  const [open, setOpen] = useState(false);
  /** The differences the gate refused the last binding for: the next one is forced with a reason. */
  const [mismatch, setMismatch] = useState<SchemaDifference[]>();
  const [form] = Form.useForm<Values>();
  const { environment } = deployment;
  const { result, query } = useList<Connection>({
    resource: 'connections',
    pagination: { mode: 'off' },
    filters: [
      { field: 'environment', operator: 'eq', value: environment },
      { field: 'provider', operator: 'eq', value: integration.provider },
    ],
    queryOptions: { enabled: open },
  });
  // The deployment (200), or a change request waiting for another administrator (202, four eyes).
  const { mutate, mutation } = useCustomMutation<Deployment | PendingChange>();
  const noticePending = usePendingChangeNotice();

  const bind = ({ connectionId, reason }: Values) =>
    mutate(
      {
        url: `/environments/${encodeURIComponent(environment)}/integrations/${integration.id}/connection`,
        method: 'put',
        values: { connectionId, ...(mismatch ? { force: true, reason } : {}) },
        errorNotification: unlessSchemaMismatch,
        successNotification: (response) =>
          isPendingChange(response?.data)
            ? false
            : { type: 'success', message: `Connection bound in ${environment}` },
      },
      {
        onSuccess: ({ data }) => {
          setOpen(false);
          if (isPendingChange(data)) return noticePending(data, `The binding in ${environment}`);
          onBound((deployments) =>
            deployments.some(
              (current) => current.environment === environment && boundConnection(current) === connectionId,
            ),
          );
        },
        onError: (error) => setMismatch(schemaMismatchOf(error)),
      },
    );

  const current = boundConnection(deployment);
  return (
    <CanAccess resource="deployments" action="bind" params={{ environment }}>
      <Button size="small" icon={<LinkOutlined />} onClick={() => setOpen(true)}>
        Bind connection
      </Button>
      <Modal
        open={open}
        title={`Bind a connection in ${environment}`}
        okText={mismatch ? 'Bind anyway' : 'Bind'}
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
          initialValues={{ connectionId: current }}
          onFinish={bind}
          // Another connection is another database: the gate answers it afresh.
          onValuesChange={(changed: Partial<Values>) => {
            if ('connectionId' in changed) setMismatch(undefined);
          }}
        >
          <Form.Item
            label="Connection"
            name="connectionId"
            rules={[{ required: true }]}
            extra={`Connections of ${environment} to a ${integration.provider} database`}
          >
            <Select
              loading={query.isLoading}
              options={result.data.map(({ id, name }) => ({ value: id, label: name }))}
              notFoundContent={`No ${integration.provider} connection in ${environment}`}
            />
          </Form.Item>
          {mismatch && <SchemaMismatch differences={mismatch} />}
        </Form>
      </Modal>
    </CanAccess>
  );
};
