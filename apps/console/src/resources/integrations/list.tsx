import { CreateButton, DateField, EditButton, List, ShowButton, useTable } from '@refinedev/antd';
import { Space, Table } from 'antd';
import { StatusTag } from '../../components/status-tag';
import type { Integration } from '../../types';
import { IntegrationDriftTags } from './integration-drift-tags';

/** "My integrations": every integration of the environments the user has rights on. */
export const IntegrationList = () => {
  const { tableProps } = useTable<Integration>({
    syncWithLocation: true,
    sorters: { initial: [{ field: 'updatedAt', order: 'desc' }] },
  });
  return (
    <List title="My integrations" headerButtons={<CreateButton>Create integration</CreateButton>}>
      <Table {...tableProps} rowKey="id">
        <Table.Column dataIndex="applicationName" title="Application" sorter />
        <Table.Column dataIndex="moduleName" title="Module" />
        <Table.Column dataIndex="provider" title="Provider" />
        <Table.Column
          dataIndex="status"
          title="Status"
          render={(value: string) => <StatusTag value={value} />}
        />
        <Table.Column dataIndex="database" title="Database" />
        <Table.Column<Integration>
          key="drift"
          title="Schema drift"
          render={(_, record) => <IntegrationDriftTags integrationId={record.id} />}
        />
        <Table.Column<Integration>
          key="entities"
          title="Entities"
          align="right"
          render={(_, record) => record.entities.length}
        />
        <Table.Column
          dataIndex="updatedAt"
          title="Updated"
          sorter
          render={(value: string) => <DateField value={value} format="YYYY-MM-DD HH:mm" />}
        />
        <Table.Column<Integration>
          key="actions"
          title="Actions"
          render={(_, record) => (
            <Space>
              <ShowButton
                hideText
                size="small"
                recordItemId={record.id}
                aria-label={`Show ${record.applicationName}`}
              />
              {record.status === 'draft' && (
                <EditButton size="small" recordItemId={record.id}>
                  Continue
                </EditButton>
              )}
            </Space>
          )}
        />
      </Table>
    </List>
  );
};
