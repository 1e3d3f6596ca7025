import { useCustomMutation } from '@refinedev/core';
import { Alert, Button, Card, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { DiffOutlined } from '@ant-design/icons';
import { JsonBlock } from '../../components/json-block';
import type { Replay, ReplayDifference, ReplayedView } from '../../types';
import { DateText } from '../../components/date-text';

const Row = ({ row, label }: { row: ReplayDifference['live']; label: string }) =>
  row === null ? <Tag color="orange">no row</Tag> : <JsonBlock value={row} label={label} />;

/** The first rows of a view that its replay gives otherwise, live beside replayed. */
const Differences = ({ view }: { view: ReplayedView }) => (
  <Table<ReplayDifference>
    dataSource={view.differences}
    rowKey="key"
    size="small"
    pagination={false}
    aria-label={`Differences of ${view.view}`}
  >
    <Table.Column dataIndex="key" title="Row" render={(key: string) => <code>{key}</code>} />
    <Table.Column<ReplayDifference>
      dataIndex="live"
      title="Live"
      render={(live: ReplayDifference['live'], { key }) => <Row row={live} label={`Live row ${key}`} />}
    />
    <Table.Column<ReplayDifference>
      dataIndex="replayed"
      title="Replayed from the log"
      render={(replayed: ReplayDifference['replayed'], { key }) => (
        <Row row={replayed} label={`Replayed row ${key}`} />
      )}
    />
  </Table>
);

const Outcome = ({ replay }: { replay: Replay }) => {
  const different = replay.views.filter(({ equal }) => !equal);
  return (
    <Alert
      type={replay.equal ? 'success' : 'error'}
      showIcon
      message={
        replay.equal
          ? 'Every view equals its replay from the log'
          : `${different.length} view(s) differ from their replay: ${different.map(({ view }) => view).join(', ')}`
      }
      description={
        <Typography.Text type="secondary">
          Up to position {replay.position}, started <DateText value={replay.startedAt} format="HH:mm:ss" />,
          took {replay.tookMs} ms
        </Typography.Text>
      }
    />
  );
};

/**
 * Proves the read model: every view is rebuilt from the log into tables of its own and compared with the
 * live one, row by row. Nothing is swapped; a differing view lists its first differing rows.
 */
export const ReplayCard = () => {
  const { mutate, mutation } = useCustomMutation<Replay>();
  const replay = mutation.data?.data;
  const run = () => mutate({ url: '/audit/replay', method: 'post', values: {} });
  return (
    <Card
      title="Replay"
      size="small"
      role="region"
      aria-label="Replay"
      extra={
        <Popconfirm
          title="Replay the whole log and compare every view?"
          description="The projections pause while their live rows are copied; nothing is replaced."
          okText="Replay"
          onConfirm={run}
        >
          <Button icon={<DiffOutlined />} loading={mutation.isPending}>
            Replay and compare
          </Button>
        </Popconfirm>
      }
    >
      {replay ? (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Outcome replay={replay} />
          <Table<ReplayedView>
            dataSource={replay.views}
            rowKey="view"
            size="small"
            pagination={false}
            expandable={{
              rowExpandable: (view) => view.differences.length > 0,
              expandedRowRender: (view) => <Differences view={view} />,
            }}
          >
            <Table.Column dataIndex="view" title="View" />
            <Table.Column dataIndex="position" title="Position" align="right" />
            <Table.Column dataIndex="liveRows" title="Live rows" align="right" />
            <Table.Column dataIndex="replayedRows" title="Replayed rows" align="right" />
            <Table.Column<ReplayedView>
              dataIndex="equal"
              title="Result"
              render={(equal: boolean) =>
                equal ? <Tag color="green">equal</Tag> : <Tag color="red">different</Tag>
              }
            />
          </Table>
        </Space>
      ) : (
        <Typography.Text type="secondary">
          Rebuilds every view from the event log beside the live one and compares them row by row.
        </Typography.Text>
      )}
    </Card>
  );
};
