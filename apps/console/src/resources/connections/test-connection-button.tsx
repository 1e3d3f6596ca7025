import { useCustomMutation } from '@refinedev/core';
import { Button } from 'antd';
import { ApiOutlined } from '@ant-design/icons';
import type { ConnectionTest } from '../../types';

/** Opens a session on the external database and reports the server version and round trip. */
export const TestConnectionButton = ({ connectionId }: { connectionId: string }) => {
  const { mutate, mutation } = useCustomMutation<ConnectionTest>();
  const test = () =>
    mutate({
      url: `/connections/${connectionId}/test`,
      method: 'post',
      values: {},
      successNotification: (response) => {
        const result = response?.data;
        return result?.ok
          ? {
              type: 'success',
              message: 'Connection works',
              description: `${result.serverVersion}, ${result.latencyMs} ms`,
            }
          : { type: 'error', message: 'Connection failed' };
      },
      errorNotification: (error) => ({
        type: 'error',
        message: 'Connection failed',
        description: error?.message,
      }),
    });
  return (
    <Button size="small" icon={<ApiOutlined />} onClick={test} loading={mutation.isPending}>
      Test
    </Button>
  );
};
