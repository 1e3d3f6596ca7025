import { Button, Popconfirm } from 'antd';
import { UnlockOutlined } from '@ant-design/icons';
import type { Integration } from '../../types';
import { useIntegrationCommand } from './use-integration-command';

/** Hands a draft over to be maintained by hand: the builder can no longer edit nor publish it. */
export const ConvertToOpenButton = ({ integration }: { integration: Integration }) => {
  const { run, isRunning } = useIntegrationCommand(integration);
  if (integration.status !== 'draft') return null;
  return (
    <Popconfirm
      title="Convert to open?"
      description="The builder can no longer edit nor publish it."
      okText="Convert"
      onConfirm={() => run({ path: '/open', method: 'post', successMessage: 'Converted to open' })}
    >
      <Button icon={<UnlockOutlined />} loading={isRunning}>
        Convert to open
      </Button>
    </Popconfirm>
  );
};
