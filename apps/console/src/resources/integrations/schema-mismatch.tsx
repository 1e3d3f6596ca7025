import { Alert, Form, Input, Table, Tag } from 'antd';
import type { SchemaDifference } from '../../types';

type Props = { differences: SchemaDifference[] };

/**
 * The target database does not match the version: every difference, breaking ones flagged, and the
 * reason an administrator must give to deploy anyway (recorded in the audit log with the differences).
 */
export const SchemaMismatch = ({ differences }: Props) => (
  <>
    <Alert
      type="error"
      showIcon
      message="The database does not match this version"
      description="Calls of the data API may fail or lose data on the breaking differences. Fix the database, or deploy anyway with a reason."
      style={{ marginBottom: 12 }}
    />
    <Table<SchemaDifference>
      dataSource={differences}
      rowKey={({ kind, table, column }) => `${kind}:${table}:${column ?? ''}`}
      size="small"
      pagination={false}
      aria-label="Schema differences"
      style={{ marginBottom: 12 }}
    >
      <Table.Column<SchemaDifference>
        key="breaking"
        title=""
        render={(_, { breaking }) =>
          breaking ? <Tag color="red">Breaking</Tag> : <Tag color="default">Non-breaking</Tag>
        }
      />
      <Table.Column<SchemaDifference> dataIndex="message" title="Difference" />
    </Table>
    <Form.Item
      label="Reason to deploy anyway"
      name="reason"
      rules={[{ required: true, whitespace: true, message: 'Say why the differences are accepted' }]}
    >
      <Input.TextArea rows={2} maxLength={2000} />
    </Form.Item>
  </>
);
