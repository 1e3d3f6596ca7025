import { useState } from 'react';
import { CanAccess, useCustomMutation, useList } from '@refinedev/core';
import { Button, Form, Modal, Select } from 'antd';
import { LinkOutlined } from '@ant-design/icons';
import type { Connection, Deployment, Integration } from '../../types';
import { boundConnection, type DeploymentsShow } from './bound-connection';

type Props = {
  integration: Integration;
  deployment: Deployment;
  onBound: (shows: DeploymentsShow) => void;
};
type Values = { connectionId: string };

/** Binds the connection that serves the integration in an environment (a connection of that environment). */
export const BindConnectionButton = ({ integration, deployment, onBound }: Props) => {
  const [open, setOpen] = useState(false);
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
  const { mutate, mutation } = useCustomMutation<Deployment>();

  const bind = ({ connectionId }: Values) =>
    mutate(
      {
        url: `/environments/${encodeURIComponent(environment)}/integrations/${integration.id}/connection`,
        method: 'put',
        values: { connectionId },
        successNotification: { type: 'success', message: `Connection bound in ${environment}` },
      },
      {
        onSuccess: () => {
          setOpen(false);
          onBound((deployments) =>
            deployments.some(
              (current) => current.environment === environment && boundConnection(current) === connectionId,
            ),
          );
        },
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
        okText="Bind"
        okButtonProps={{ loading: mutation.isPending }}
        onOk={() => form.submit()}
        onCancel={() => setOpen(false)}
        afterClose={() => form.resetFields()}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" initialValues={{ connectionId: current }} onFinish={bind}>
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
        </Form>
      </Modal>
    </CanAccess>
  );
};
