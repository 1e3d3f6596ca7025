import { CanAccess, useCustomMutation } from '@refinedev/core';
import { Button, Popconfirm } from 'antd';
import { DisconnectOutlined } from '@ant-design/icons';
import { isPendingChange, type PendingChange } from '../../components/pending-change';
import { usePendingChangeNotice } from '../../components/use-pending-change-notice';
import type { Deployment, Integration } from '../../types';
import { boundConnection, type DeploymentsShow } from './bound-connection';

type Props = {
  integration: Integration;
  deployment: Deployment;
  onUnbound: (shows: DeploymentsShow) => void;
};

/**
 * Unbinds the connection that serves the integration in an environment: its data API there answers
 * 409 until another one is bound. Where four eyes apply, it waits for another administrator.
 */
export const UnbindConnectionButton = ({ integration, deployment, onUnbound }: Props) => {
  const { environment } = deployment;
  // The deployment (200), or a change request waiting for another administrator (202, four eyes).
  const { mutate, mutation } = useCustomMutation<Deployment | PendingChange>();
  const noticePending = usePendingChangeNotice();
  if (boundConnection(deployment) === undefined) return null;

  const unbind = () =>
    mutate(
      {
        url: `/environments/${encodeURIComponent(environment)}/integrations/${integration.id}/connection`,
        method: 'delete',
        values: {},
        successNotification: (response) =>
          isPendingChange(response?.data)
            ? false
            : { type: 'success', message: `Connection unbound in ${environment}` },
      },
      {
        onSuccess: ({ data }) => {
          if (isPendingChange(data)) return noticePending(data, `The unbinding in ${environment}`);
          onUnbound((deployments) =>
            deployments.some(
              (current) => current.environment === environment && boundConnection(current) === undefined,
            ),
          );
        },
      },
    );

  return (
    <CanAccess resource="deployments" action="unbind" params={{ environment }}>
      <Popconfirm
        title={`Unbind the connection in ${environment}?`}
        description="Calls of its data API there answer 409 until another connection is bound."
        okText="Unbind"
        okButtonProps={{ danger: true }}
        onConfirm={unbind}
      >
        <Button size="small" danger icon={<DisconnectOutlined />} loading={mutation.isPending}>
          Unbind
        </Button>
      </Popconfirm>
    </CanAccess>
  );
};
