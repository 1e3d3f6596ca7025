import { useCustom } from '@refinedev/core';
import { Card, Empty, Space, Tag, Typography } from 'antd';
import { AttributesTable } from '../../../components/attributes-table';
import type { TableInfo } from '../../../types';

type Props = { tablesUrl: string; table?: string };

/** The attributes of the table the user clicked, as they will become the entity's attributes. */
export const TableAttributes = ({ tablesUrl, table }: Props) => {
  const { query } = useCustom<TableInfo>({
    url: `${tablesUrl}/${encodeURIComponent(table ?? '')}`,
    method: 'get',
    queryOptions: { enabled: table !== undefined },
  });
  if (table === undefined) {
    return (
      <Card>
        <Empty description="Click a table to see its attributes" />
      </Card>
    );
  }
  const info = query.data?.data;
  const rows = (info?.columns ?? []).map((column) => ({
    ...column,
    primaryKey: info?.primaryKey.includes(column.name) ?? false,
  }));
  return (
    <Card
      size="small"
      title={
        <Space>
          {table}
          {info && <Tag>{info.kind}</Tag>}
        </Space>
      }
    >
      <AttributesTable rows={rows} keyOrder={info?.primaryKey} loading={query.isFetching} />
      {info?.foreignKeys.map((fk) => (
        <Typography.Paragraph key={fk.columns.join()} type="secondary" style={{ marginTop: 8 }}>
          {fk.columns.join(', ')} → {fk.referencedTable} ({fk.referencedColumns.join(', ')})
        </Typography.Paragraph>
      ))}
    </Card>
  );
};
