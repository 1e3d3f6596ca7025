import { useCustom } from '@refinedev/core';
import { Progress, Space, Table, Tag, Typography } from 'antd';
import { PageFrame } from '../../components/page-frame';
import { useLiveRefresh } from '../../components/use-live-refresh';
import type { ProcessManager, Projection, ProjectionsStatus } from '../../types';
import { AuditChainCard } from './audit-chain-card';
import { ReplayCard } from './replay-card';

type Checkpointed = Pick<Projection | ProcessManager, 'position' | 'head' | 'lag'>;

const lagOf = (lag: number, { head, position }: Checkpointed) =>
  lag === 0 ? (
    <Tag color="green">up to date</Tag>
  ) : (
    <Progress percent={head ? Math.floor((position / head) * 100) : 0} size="small" format={() => lag} />
  );

/**
 * The installation's operations: whether the event log is intact (its hash chain) and whether the read
 * model is what the log gives (the replay); then what follows the event store: the read models (a lag
 * of zero means the views show every recorded event) and the process managers (a lag of zero means
 * every event was handed to them).
 */
export const ProjectionList = () => {
  const { query } = useCustom<ProjectionsStatus>({
    url: '/projections',
    method: 'get',
    queryOptions: { refetchInterval: 5000 },
  });
  useLiveRefresh('projections', () => query.refetch());
  const status = query.data?.data;
  return (
    <PageFrame title="Operations">
      <Space direction="vertical" size="large" style={{ width: '100%', marginBottom: 24 }}>
        <AuditChainCard />
        <ReplayCard />
      </Space>
      <Typography.Title level={5}>Projections</Typography.Title>
      <Table<Projection>
        dataSource={status?.items ?? []}
        loading={query.isLoading}
        rowKey="name"
        pagination={false}
      >
        <Table.Column dataIndex="name" title="Projection" />
        <Table.Column dataIndex="position" title="Position" align="right" />
        <Table.Column dataIndex="head" title="Head" align="right" />
        <Table.Column<Projection> dataIndex="lag" title="Lag" render={lagOf} />
      </Table>
      <Typography.Title level={5} style={{ marginTop: 24 }}>
        Process managers
      </Typography.Title>
      <Table<ProcessManager>
        dataSource={status?.processes ?? []}
        loading={query.isLoading}
        rowKey="name"
        pagination={false}
      >
        <Table.Column dataIndex="name" title="Process manager" />
        <Table.Column dataIndex="position" title="Position" align="right" />
        <Table.Column dataIndex="head" title="Head" align="right" />
        <Table.Column<ProcessManager>
          dataIndex="lag"
          title="Lag"
          render={(lag: number, manager) =>
            manager.failed === undefined ? lagOf(lag, manager) : <Tag color="red">{manager.failed}</Tag>
          }
        />
      </Table>
    </PageFrame>
  );
};
