import { Alert, Card, Skeleton, Space } from 'antd';
import { PackageDownloadButton } from '../../../components/package-download-button';
import { PublicationSteps } from '../../../components/publication-steps';
import type { Integration, Publication } from '../../../types';

type Props = { integration: Integration; publication: Publication | undefined };

/** The publication the wizard started, its steps as they happen, and how it ended. */
export const PublicationProgress = ({ integration, publication }: Props) => (
  <Card
    size="small"
    title={publication ? `Publishing version ${publication.version}` : 'Publishing'}
    role="region"
    aria-label="Publication"
    style={{ marginTop: 24 }}
  >
    {publication ? (
      <Space direction="vertical" style={{ width: '100%' }}>
        <PublicationSteps publication={publication} />
        {publication.status === 'published' && (
          <Alert
            type="success"
            showIcon
            message={`Version ${publication.version} is published`}
            description="Apps can call its data API in this environment now."
          />
        )}
        {publication.status === 'failed' && (
          <Alert
            type="error"
            showIcon
            message="The publication failed"
            description={publication.reason}
            action={
              publication.packageHash && (
                <PackageDownloadButton
                  integrationId={integration.id}
                  version={publication.version}
                  moduleName={integration.moduleName}
                />
              )
            }
          />
        )}
      </Space>
    ) : (
      <Skeleton active paragraph={{ rows: 1 }} />
    )}
  </Card>
);
