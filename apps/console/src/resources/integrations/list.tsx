import { Space, Table, Tag } from 'antd';
import { DateText } from '../../components/date-text';
import { NavButton } from '../../components/nav-button';
import { PageFrame } from '../../components/page-frame';
import { Secondary } from '../../components/plain-text';
import { StatusTag } from '../../components/status-tag';
import { useTableProps } from '../../components/use-table-props';
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
    <Secondary>Not deployed</Secondary>
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
  const { tableProps } = useTableProps<IntegrationListItem>({
    syncWithLocation: true,
    sorters: { initial: [{ field: 'updatedAt', order: 'desc' }] },
  });
  return (
    <PageFrame
      title="My integrations"
      buttons={
        <NavButton resource="integrations" action="create" type="primary">
          Create integration
        </NavButton>
      }
    >
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
          render={(value: string) => <DateText value={value} />}
        />
        <Table.Column<IntegrationListItem>
          key="actions"
          title="Actions"
          render={(_, record) => (
            <Space>
              <NavButton
                resource="integrations"
                action="show"
                hideText
                size="small"
                id={record.id}
                aria-label={`Show ${record.applicationName}`}
              />
              {record.publishedVersion !== undefined ? (
                <NavButton
                  resource="integrations"
                  action="show"
                  size="small"
                  id={record.id}
                  aria-label={`Open ${record.applicationName}`}
                >
                  Open
                </NavButton>
              ) : (
                record.status === 'draft' && (
                  <NavButton resource="integrations" action="edit" size="small" id={record.id}>
                    Continue
                  </NavButton>
                )
              )}
            </Space>
          )}
        />
      </Table>
    </PageFrame>
  );
};
