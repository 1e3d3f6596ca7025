import { useCustomMutation } from '@refinedev/core';
import { Button, Popconfirm } from 'antd';
import { StopOutlined } from '@ant-design/icons';
import type { ApiKey } from '../../types';

type Props = { apiKey: ApiKey; onRevoked: () => void };

/** Revokes a key: the API refuses it from the next request on. */
export const RevokeApiKeyButton = ({ apiKey, onRevoked }: Props) => {
  const { mutate, mutation } = useCustomMutation();
  const revoke = () =>
    mutate(
      {
        url: `/environments/${encodeURIComponent(apiKey.environment)}/api-keys/${apiKey.id}`,
        method: 'delete',
        values: {},
        successNotification: { type: 'success', message: `Key of ${apiKey.appName} revoked` },
      },
      { onSuccess: onRevoked },
    );
  return (
    <Popconfirm
      title={`Revoke the key of ${apiKey.appName}?`}
      description="Calls with it are refused from then on."
      okText="Revoke"
      okButtonProps={{ danger: true }}
      onConfirm={revoke}
    >
      <Button size="small" danger icon={<StopOutlined />} loading={mutation.isPending}>
        Revoke
      </Button>
    </Popconfirm>
  );
};
