import { Card, Space, Table, Tag, Typography } from 'antd';
import { PackageDownloadButton } from '../../components/package-download-button';
import type { Integration, PublishedVersion, RuntimeDependency } from '../../types';
import { DateText } from '../../components/date-text';

type Props = { integration: Integration; versions: PublishedVersion[] };

/** The published versions, newest first, with what each was built against. */
export const VersionsTable = ({ integration, versions }: Props) => (
  <Card title="Versions" size="small" role="region" aria-label="Versions">
    <Table<PublishedVersion>
      dataSource={versions}
      rowKey="version"
      size="small"
      pagination={{ pageSize: 5, hideOnSinglePage: true }}
      locale={{ emptyText: 'No published version yet' }}
    >
      <Table.Column<PublishedVersion>
        dataIndex="version"
        title="Version"
        render={(version) => `v${version}`}
      />
      <Table.Column<PublishedVersion>
        dataIndex="publishedAt"
        title="Published"
        render={(value: string) => <DateText value={value} format="YYYY-MM-DD HH:mm:ss" />}
      />
      <Table.Column<PublishedVersion>
        dataIndex="dependencies"
        title="Built against"
        render={(dependencies: RuntimeDependency[]) => (
          <Space size={[0, 4]} wrap>
            {dependencies.map(({ name, version }) => (
              <Tag key={name}>{`${name}@${version}`}</Tag>
            ))}
          </Space>
        )}
      />
      <Table.Column<PublishedVersion>
        dataIndex="packageHash"
        title="Package hash"
        render={(hash: string) => (
          <Typography.Text code copyable={{ text: hash }} title={hash}>
            {hash.replace(/^sha256:/, '').slice(0, 12)}
          </Typography.Text>
        )}
      />
      <Table.Column<PublishedVersion>
        key="package"
        title="Package"
        render={(_, version) => (
          <PackageDownloadButton
            integrationId={integration.id}
            version={version.version}
            moduleName={integration.moduleName}
          />
        )}
      />
    </Table>
  </Card>
);
