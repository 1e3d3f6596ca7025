import { useCustom, type HttpError } from '@refinedev/core';
import { Alert, Button, Card, Descriptions, Skeleton, Space } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import type { ChainVerification } from '../../types';

const summary = ({ checked, head, checkpoints, tookMs }: ChainVerification) =>
  `${checked} events checked up to position ${head}; ${checkpoints.checked} checkpoints, ${checkpoints.signed} signed` +
  (tookMs === undefined ? '' : ` (${tookMs} ms)`);

const Outcome = ({ verification }: { verification: ChainVerification }) => {
  const { firstMismatch } = verification;
  if (verification.ok || !firstMismatch)
    return (
      <Alert type="success" showIcon message="The audit chain holds" description={summary(verification)} />
    );
  return (
    <Alert
      type="error"
      showIcon
      message={`The audit chain is broken at position ${firstMismatch.position}`}
      description={
        <Descriptions size="small" column={1}>
          <Descriptions.Item label="Reason">{firstMismatch.reason}</Descriptions.Item>
          <Descriptions.Item label="Kind">{firstMismatch.kind}</Descriptions.Item>
          <Descriptions.Item label="Checked">{summary(verification)}</Descriptions.Item>
        </Descriptions>
      }
    />
  );
};

/**
 * The hash chain over the event log, recomputed on the server when the page opens and on demand: says
 * whether any stored event was edited, deleted, inserted or moved since it was recorded, and where first.
 * Not polled: it reads the whole log.
 */
export const AuditChainCard = () => {
  const { query } = useCustom<ChainVerification>({
    url: '/audit/verify',
    method: 'get',
    queryOptions: { refetchOnWindowFocus: false, retry: false },
    errorNotification: false,
  });
  const verification = query.data?.data;
  const error = query.error as HttpError | null;
  return (
    <Card
      title="Audit chain"
      size="small"
      role="region"
      aria-label="Audit chain"
      extra={
        <Button
          icon={<SafetyCertificateOutlined />}
          loading={query.isFetching}
          onClick={() => void query.refetch()}
        >
          Verify now
        </Button>
      }
    >
      {query.isLoading && <Skeleton active paragraph={{ rows: 1 }} />}
      {error && !query.isFetching && (
        <Alert
          type="warning"
          showIcon
          message="The chain could not be verified"
          description={error.message}
        />
      )}
      {verification && (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Outcome verification={verification} />
          {!verification.keyConfigured && (
            <Alert
              type="warning"
              showIcon
              message="No audit key configured"
              description="Without AUDIT_KEY the checkpoints are not signed: a rewrite of the whole log would still verify."
            />
          )}
        </Space>
      )}
    </Card>
  );
};
