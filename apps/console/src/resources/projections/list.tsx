import { List, useTable } from '@refinedev/antd';
import { Progress, Table, Tag } from 'antd';
import type { Projection } from '../../types';

/** Read models behind the event store: a lag of zero means the views show every recorded event. */
export const ProjectionList = () => {
  const { tableProps } = useTable<Projection>({
    pagination: { mode: 'off' },
    queryOptions: { refetchInterval: 5000 },
  });
  return (
    <List title="Projections">
      <Table {...tableProps} rowKey="name" pagination={false}>
        <Table.Column dataIndex="name" title="Projection" />
        <Table.Column dataIndex="position" title="Position" align="right" />
        <Table.Column dataIndex="head" title="Head" align="right" />
        <Table.Column<Projection>
          dataIndex="lag"
          title="Lag"
          render={(lag: number, { head, position }) =>
            lag === 0 ? (
              <Tag color="green">up to date</Tag>
            ) : (
              <Progress
                percent={head ? Math.floor((position / head) * 100) : 0}
                size="small"
                format={() => lag}
              />
            )
          }
        />
      </Table>
    </List>
  );
};
