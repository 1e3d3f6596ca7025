import { useShow } from '@refinedev/core';
import { EditButton, RefreshButton, Show } from '@refinedev/antd';
import { Button, Popconfirm, Skeleton, Space } from 'antd';
import { DeleteOutlined } from '@ant-design/icons';
import { IntegrationReviewView } from '../../components/integration-review-view';
import type { Entity, Integration } from '../../types';
import { ConvertToOpenButton } from './convert-to-open-button';
import { DeploymentsTable } from './deployments-table';
import { PublicationsTable } from './publications-table';
import { PublishButton } from './publish-button';
import { RepublishRequiredAlert } from './republish-required-alert';
import { VersionsTable } from './versions-table';
import { useIntegrationCommand } from './use-integration-command';
import { useIntegrationPublishing } from './use-integration-publishing';
import { useIntegrationReview } from './use-integration-review';

export const IntegrationShow = () => {
  const { result: integration, query } = useShow<Integration>();
  const { query: reviewQuery } = useIntegrationReview(integration?.id);
  const { run, isRunning } = useIntegrationCommand(integration);
  const publishing = useIntegrationPublishing(integration?.id);
  const review = reviewQuery.data?.data;
  const editable = integration?.status === 'draft';

  const remove = async (entity: Entity) => {
    await run({
      path: `/entities/${encodeURIComponent(entity.name)}`,
      method: 'delete',
      successMessage: `Entity ${entity.name} removed`,
    });
    await reviewQuery.refetch();
  };

  const removeButton = (entity: Entity) => (
    <span onClick={(event) => event.stopPropagation()}>
      <Popconfirm title={`Remove entity ${entity.name}?`} onConfirm={() => remove(entity)} okText="Remove">
        <Button size="small" danger icon={<DeleteOutlined />} loading={isRunning}>
          Remove
        </Button>
      </Popconfirm>
    </span>
  );

  return (
    <Show
      isLoading={query.isLoading}
      title={integration?.applicationName ?? 'Integration'}
      headerButtons={
        <>
          <RefreshButton
            onClick={() => void Promise.all([query.refetch(), reviewQuery.refetch(), publishing.refresh()])}
          />
          {editable && <EditButton>Edit in wizard</EditButton>}
          {integration && <ConvertToOpenButton integration={integration} />}
          {integration && (
            <PublishButton
              integration={integration}
              running={publishing.running}
              ready={review?.readyToPublish ?? false}
              onStarted={({ publicationId }) => publishing.watch(publicationId)}
            />
          )}
        </>
      }
    >
      <Space direction="vertical" size="large" style={{ width: '100%' }}>
        <RepublishRequiredAlert state={publishing.dependencies} />
        {review ? (
          <IntegrationReviewView review={review} entityExtra={editable ? removeButton : undefined} />
        ) : (
          <Skeleton active />
        )}
        {integration && (
          <>
            <PublicationsTable
              integration={integration}
              publications={publishing.publications}
              loading={publishing.publicationsLoading}
            />
            <VersionsTable integration={integration} versions={publishing.versions} />
            <DeploymentsTable
              integration={integration}
              deployments={publishing.deployments}
              versions={publishing.versions}
              onChanged={publishing.refreshDeployments}
            />
          </>
        )}
      </Space>
    </Show>
  );
};
