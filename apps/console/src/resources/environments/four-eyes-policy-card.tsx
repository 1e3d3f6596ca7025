import { useCustomMutation, useInvalidate, useList } from '@refinedev/core';
import { Link } from 'react-router';
import { Card, Space, Switch, Typography } from 'antd';
import { changeRequestPath, isPendingChange, type PendingChange } from '../../components/pending-change';
import { useAdminEnvironments } from '../../components/use-admin-environments';
import { usePendingChangeNotice } from '../../components/use-pending-change-notice';
import type { ChangeRequest, Environment } from '../../types';

/**
 * Whether an environment asks for four eyes, switched by its administrators. Turning it on takes effect
 * at once; turning it off is itself a change another administrator of the environment must approve.
 */
export const FourEyesPolicyCard = ({ environment }: { environment: Environment }) => {
  const { name, fourEyes } = environment;
  const administers = useAdminEnvironments().includes(name);
  const invalidate = useInvalidate();
  const noticePending = usePendingChangeNotice();
  // The environment (200), or the change request that turns four eyes off (202).
  const { mutate, mutation } = useCustomMutation<Environment | PendingChange>();
  const { result: pending } = useList<ChangeRequest>({
    resource: 'change-requests',
    pagination: { mode: 'off' },
    filters: [
      { field: 'environment', operator: 'eq', value: name },
      { field: 'status', operator: 'eq', value: 'pending' },
    ],
    queryOptions: { enabled: administers },
  });
  const waiting = pending.data.find(({ kind }) => kind === 'environment-policy');

  const change = (on: boolean) =>
    mutate(
      {
        url: `/environments/${encodeURIComponent(name)}/policy`,
        method: 'put',
        values: { fourEyes: on },
        successNotification: (response) =>
          isPendingChange(response?.data)
            ? false
            : { type: 'success', message: `Four eyes ${on ? 'on' : 'off'} in ${name}` },
      },
      {
        onSuccess: ({ data }) => {
          if (isPendingChange(data)) noticePending(data, `Turning four eyes off in ${name}`);
        },
        onSettled: () => {
          void invalidate({ resource: 'environments', id: name, invalidates: ['list', 'detail'] });
          void invalidate({ resource: 'change-requests', invalidates: ['list'] });
        },
      },
    );

  return (
    <Card title="Four eyes" size="small" role="region" aria-label="Four eyes" style={{ marginBottom: 16 }}>
      <Space direction="vertical">
        <Space>
          <Switch
            checked={fourEyes}
            disabled={!administers || waiting !== undefined}
            loading={mutation.isPending}
            onChange={change}
            aria-label="Four eyes"
          />
          <Typography.Text strong>{fourEyes ? 'On' : 'Off'}</Typography.Text>
        </Space>
        <Typography.Text type="secondary">
          {fourEyes
            ? 'Promotions, bindings and connection changes here wait for the approval of a second administrator of this environment. Turning four eyes off needs a second administrator’s approval too.'
            : 'Administrators of this environment change it alone. Turn four eyes on to have a second administrator approve each promotion, binding and connection change.'}
        </Typography.Text>
        {waiting && (
          <Typography.Text type="warning">
            Turning it off waits for another administrator:{' '}
            <Link to={changeRequestPath(waiting.id)}>open the change request</Link>
          </Typography.Text>
        )}
      </Space>
    </Card>
  );
};
