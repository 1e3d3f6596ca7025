import { Table, Tag } from 'antd';
import { CheckOutlined } from '@ant-design/icons';

/** Columns of a source table or attributes of an entity: the same facts under two names. */
export type AttributeRow = {
  name: string;
  nativeType: string;
  length?: number;
  precision?: number;
  scale?: number;
  nullable: boolean;
  defaultValue?: string | null;
  primaryKey: boolean;
  autoIncrement: boolean;
};

const size = ({ length, precision, scale }: AttributeRow): string => {
  if (length !== undefined && length !== null) return String(length);
  if (precision !== undefined && precision !== null)
    return scale ? `${precision}, ${scale}` : String(precision);
  return '';
};

const flag = (on: boolean) => (on ? <CheckOutlined /> : null);

export const AttributesTable = ({ rows, loading }: { rows: AttributeRow[]; loading?: boolean }) => (
  <Table<AttributeRow>
    dataSource={rows}
    rowKey="name"
    loading={loading}
    size="small"
    pagination={false}
    // Seven columns outgrow the half-width card of the tables step: scroll inside it, not the page.
    scroll={{ x: 'max-content' }}
  >
    <Table.Column dataIndex="name" title="Name" />
    <Table.Column dataIndex="nativeType" title="Data type" render={(value: string) => <Tag>{value}</Tag>} />
    <Table.Column<AttributeRow> key="size" title="Length / precision" render={(_, row) => size(row)} />
    <Table.Column dataIndex="nullable" title="Nullable" render={flag} />
    <Table.Column dataIndex="defaultValue" title="Default" render={(value?: string | null) => value ?? ''} />
    <Table.Column dataIndex="primaryKey" title="PK" render={flag} />
    <Table.Column dataIndex="autoIncrement" title="Auto-increment" render={flag} />
  </Table>
);
