import { useCustom, useCustomMutation, type HttpError } from '@refinedev/core';
import { Link } from 'react-router';
import { Alert, Button, Card, Space, Table, Tag, Typography } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { useAdminEnvironments } from '../../components/use-admin-environments';
import { SchemaDriftBadge } from '../../components/schema-drift-badge';
import type {
  ConnectionHealth,
  EnvironmentDrift,
  EnvironmentDriftCheck,
  EnvironmentHealth,
} from '../../types';

const STATUS_COLORS: Record<string, string> = { ok: 'green', up: 'green', degraded: 'orange', down: 'red' };

/**
 * Whether the connections serving the environment answer and how fast: tested on the server when the
 * page opens and on demand (each test opens a connection to the database, so it is not polled).
 */
export const EnvironmentHealthCard = ({ environment }: { environment: string }) => {
  const { query } = useCustom<EnvironmentHealth>({
    url: `/environments/${encodeURIComponent(environment)}/health`,
    method: 'get',
    queryOptions: { refetchOnWindowFocus: false, retry: false },
    errorNotification: false,
  });
  const drift = useCustom<EnvironmentDrift>({
    url: `/environments/${encodeURIComponent(environment)}/drift`,
    method: 'get',
    queryOptions: { refetchOnWindowFocus: false, retry: false },
    errorNotification: false,
  });
  const administers = useAdminEnvironments().includes(environment);
  const { mutate, mutation } = useCustomMutation<EnvironmentDriftCheck>();
  const checkDrift = () =>
    mutate(
      {
        url: `/environments/${encodeURIComponent(environment)}/drift-checks`,
        method: 'post',
        values: {},
        successNotification: { type: 'success', message: `Schema drift of ${environment} checked` },
      },
      {
        onSuccess: () => {
          void query.refetch();
          void drift.query.refetch();
        },
      },
    );
  const health = query.data?.data;
  const drifting = (drift.query.data?.data.items ?? []).filter(({ status }) => status === 'drift');
  const error = query.error as HttpError | null;
  return (
    <Card
      title={
        <Space>
          Health
          {health && <Tag color={STATUS_COLORS[health.status]}>{health.status}</Tag>}
        </Space>
      }
      size="small"
      role="region"
      aria-label="Health"
      style={{ marginBottom: 16 }}
      extra={
        <Button icon={<ReloadOutlined />} loading={query.isFetching} onClick={() => void query.refetch()}>
          Check again
        </Button>
      }
    >
      {error && <Alert type="error" showIcon message={error.message} />}
      {health && (
        <>
          <Table<ConnectionHealth>
            rowKey="connectionId"
            size="small"
            pagination={false}
            dataSource={health.connections}
            locale={{ emptyText: 'No connection serves this environment yet' }}
            columns={[
              {
                title: 'Connection',
                dataIndex: 'name',
                render: (name: string | undefined, { connectionId }) => (
                  <Link to={`/connections/show/${connectionId}`}>{name ?? connectionId}</Link>
                ),
              },
              { title: 'Provider', dataIndex: 'provider' },
              {
                title: 'Integrations',
                dataIndex: 'integrationIds',
                render: (ids: string[]) => ids.length,
              },
              {
                title: 'Status',
                dataIndex: 'status',
                render: (status: string) => <Tag color={STATUS_COLORS[status]}>{status}</Tag>,
              },
              {
                title: 'Answered in',
                dataIndex: 'latencyMs',
                render: (latency: number | undefined, { error: problem }) =>
                  latency !== undefined ? `${latency} ms` : problem?.message,
              },
            ]}
          />
          <Space wrap style={{ marginTop: 8 }}>
            <Typography.Text type="secondary">
              Last drift check: {health.lastDriftCheck ?? 'never'}
            </Typography.Text>
            {drifting.map((item) => (
              <Link key={item.integrationId} to={`/integrations/show/${item.integrationId}`}>
                <SchemaDriftBadge drift={item} />
              </Link>
            ))}
            {administers && (
              <Button size="small" loading={mutation.isPending} onClick={checkDrift}>
                Check now
              </Button>
            )}
          </Space>
        </>
      )}
    </Card>
  );
};
