import { Alert, Button, Modal, Space, Typography } from 'antd';
import type { CreatedApiKey } from '../../types';

type Props = { apiKey: CreatedApiKey | undefined; onClose: () => void };

/** Shows a new key, once: the API keeps only its hash, so it can never be shown again. */
export const ApiKeyCreatedModal = ({ apiKey, onClose }: Props) => (
  <Modal
    open={apiKey !== undefined}
    title="API key created"
    onCancel={onClose}
    maskClosable={false}
    footer={
      <Button type="primary" onClick={onClose}>
        Done
      </Button>
    }
    destroyOnHidden
  >
    {apiKey && (
      <Space direction="vertical" style={{ width: '100%' }}>
        <Alert
          type="warning"
          showIcon
          message="Copy the key now: it is shown only this once"
          description="It cannot be shown again. If it is lost, create another key and revoke this one."
        />
        <Typography.Text>
          Key for <strong>{apiKey.appName}</strong> in {apiKey.environment}; apps send it as the X-API-Key
          header.
        </Typography.Text>
        <Typography.Paragraph
          code
          copyable={{ text: apiKey.key, tooltips: ['Copy key', 'Copied'] }}
          style={{ wordBreak: 'break-all' }}
          data-testid="created-api-key"
        >
          {apiKey.key}
        </Typography.Paragraph>
      </Space>
    )}
  </Modal>
);
