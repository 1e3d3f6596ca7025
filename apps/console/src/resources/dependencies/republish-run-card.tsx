import { useCustom, useList } from '@refinedev/core';
import { Button, Card, Progress, Space, Table, Typography } from 'antd';
import { StatusTag } from '../../components/status-tag';
import { useLiveRefresh } from '../../components/use-live-refresh';
import { pollWhileStreamIsDown } from '../../providers/live-provider';
import type { Integration, RepublishItem, RepublishRun } from '../../types';

/** The run's progress arrives on the event stream; this slower read is only for a stream that is down. */
const POLL_MS = 5000;

type Props = { runId: string; onClose: () => void };

/** A republish run, followed until it finishes: its progress and each integration's outcome. */
export const RepublishRunCard = ({ runId, onClose }: Props) => {
  const { query } = useCustom<RepublishRun>({
    url: `/republish-runs/${runId}`,
    method: 'get',
    queryOptions: {
      refetchInterval: (current) =>
        current.state.data === undefined || current.state.data.data.status === 'running'
          ? pollWhileStreamIsDown(POLL_MS)
          : false,
    },
  });
  useLiveRefresh('dependencies', () => query.refetch());
  const { result } = useList<Integration>({ resource: 'integrations', pagination: { mode: 'off' } });
  const names = new Map(result.data.map(({ id, applicationName }) => [id, applicationName]));
  const run = query.data?.data;
  const done = run ? run.published + run.failed + run.skipped : 0;
  const percent =
    run && run.total > 0 ? Math.round((done / run.total) * 100) : run?.status === 'finished' ? 100 : 0;
  const status = run?.status !== 'finished' ? 'active' : run.failed > 0 ? 'exception' : 'success';

  return (
    <Card
      size="small"
      title="Republish run"
      role="region"
      aria-label="Republish run"
      loading={query.isLoading}
      extra={
        <Space>
          {run && <StatusTag value={run.status} />}
          <Button size="small" onClick={onClose} disabled={run?.status === 'running'}>
            Close
          </Button>
        </Space>
      }
    >
      {run && (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Progress percent={percent} status={status} />
          <Typography.Text type="secondary">
            {run.published} published, {run.failed} failed, {run.skipped} skipped of {run.total}
          </Typography.Text>
          <Table<RepublishItem> dataSource={run.items} rowKey="integrationId" size="small" pagination={false}>
            <Table.Column<RepublishItem>
              dataIndex="integrationId"
              title="Integration"
              render={(id: string) => names.get(id) ?? id}
            />
            <Table.Column<RepublishItem>
              dataIndex="status"
              title="Status"
              render={(value: string) => <StatusTag value={value} />}
            />
            <Table.Column<RepublishItem>
              dataIndex="version"
              title="Version"
              render={(version?: number) => version && `v${version}`}
            />
            <Table.Column<RepublishItem>
              dataIndex="reason"
              title="Reason"
              render={(reason?: string) =>
                reason && <Typography.Text type="danger">{reason}</Typography.Text>
              }
            />
          </Table>
        </Space>
      )}
    </Card>
  );
};
