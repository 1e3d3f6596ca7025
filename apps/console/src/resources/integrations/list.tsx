import { CreateButton, DateField, EditButton, List, ShowButton, useTable } from '@refinedev/antd';
import { Space, Table, Tag, Typography } from 'antd';
import { StatusTag } from '../../components/status-tag';
import type { IntegrationListItem } from '../../types';
import { IntegrationDriftTags } from './integration-drift-tags';

/**
 * Where an integration stands: its latest published version (and whether the draft moved on since),
 * else its status as a draft never published, or open.
 */
const PublicationState = ({ record }: { record: IntegrationListItem }) => {
  if (record.publishedVersion === undefined) return <StatusTag value={record.status} />;
  return (
    <Space size={4} wrap>
      <Tag color="green">published v{record.publishedVersion}</Tag>
      {record.status === 'open' && <StatusTag value="open" />}
      {record.unpublishedChanges && <Tag color="gold">unpublished changes</Tag>}
    </Space>
  );
};

/** The version each environment serves, as `environment → vN`. */
const Deployments = ({ record }: { record: IntegrationListItem }) =>
  record.deployments.length === 0 ? (
    <Typography.Text type="secondary">Not deployed</Typography.Text>
  ) : (
    <Space size={4} wrap>
      {record.deployments.map(({ environment, version }) => (
        <Tag key={environment} data-environment={environment}>
          {environment} → v{version}
        </Tag>
      ))}
    </Space>
  );

/** "My integrations": every integration of the environments the user has rights on. */
export const IntegrationList = () => {
  const { tableProps } = useTable<IntegrationListItem>({
    syncWithLocation: true,
    sorters: { initial: [{ field: 'updatedAt', order: 'desc' }] },
  });
  return (
    <List title="My integrations" headerButtons={<CreateButton>Create integration</CreateButton>}>
      <Table {...tableProps} rowKey="id">
        <Table.Column dataIndex="applicationName" title="Application" sorter />
        <Table.Column dataIndex="moduleName" title="Module" />
        <Table.Column dataIndex="provider" title="Provider" />
        <Table.Column<IntegrationListItem>
          key="status"
          title="Status"
          render={(_, record) => <PublicationState record={record} />}
        />
        <Table.Column<IntegrationListItem>
          key="deployments"
          title="Deployed"
          render={(_, record) => <Deployments record={record} />}
        />
        <Table.Column dataIndex="database" title="Database" />
        <Table.Column<IntegrationListItem>
          key="drift"
          title="Schema drift"
          render={(_, record) => <IntegrationDriftTags integrationId={record.id} />}
        />
        <Table.Column<IntegrationListItem>
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
        <Table.Column<IntegrationListItem>
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
              {record.publishedVersion !== undefined ? (
                <ShowButton
                  size="small"
                  recordItemId={record.id}
                  aria-label={`Open ${record.applicationName}`}
                >
                  Open
                </ShowButton>
              ) : (
                record.status === 'draft' && (
                  <EditButton size="small" recordItemId={record.id}>
                    Continue
                  </EditButton>
                )
              )}
            </Space>
          )}
        />
      </Table>
    </List>
  );
};
