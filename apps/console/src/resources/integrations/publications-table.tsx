import { Card, Table, Typography } from 'antd';
import { PackageDownloadButton } from '../../components/package-download-button';
import { PublicationSteps } from '../../components/publication-steps';
import { StatusTag } from '../../components/status-tag';
import type { Integration, Publication } from '../../types';
import { DateText } from '../../components/date-text';

type Props = { integration: Integration; publications: Publication[]; loading: boolean };

/** Every publication, newest first; a generated package downloads even when the publication failed. */
export const PublicationsTable = ({ integration, publications, loading }: Props) => (
  <Card title="Publications" size="small" role="region" aria-label="Publications">
    <Table<Publication>
      dataSource={publications}
      rowKey="id"
      size="small"
      loading={loading}
      pagination={{ pageSize: 5, hideOnSinglePage: true }}
      locale={{ emptyText: 'Not published yet' }}
    >
      <Table.Column<Publication> dataIndex="version" title="Version" render={(version) => `v${version}`} />
      <Table.Column<Publication>
        dataIndex="status"
        title="Status"
        render={(status: string) => <StatusTag value={status} />}
      />
      <Table.Column<Publication>
        key="steps"
        title="Steps"
        render={(_, publication) => <PublicationSteps publication={publication} />}
      />
      <Table.Column<Publication>
        dataIndex="reason"
        title="Reason"
        render={(reason?: string) => reason && <Typography.Text type="danger">{reason}</Typography.Text>}
      />
      <Table.Column<Publication>
        dataIndex="requestedAt"
        title="Requested"
        render={(value?: string) => value && <DateText value={value} format="YYYY-MM-DD HH:mm:ss" />}
      />
      <Table.Column<Publication>
        key="package"
        title="Package"
        render={(_, publication) =>
          publication.packageHash && (
            <PackageDownloadButton
              integrationId={integration.id}
              version={publication.version}
              moduleName={integration.moduleName}
            />
          )
        }
      />
    </Table>
  </Card>
);
