import { useShow } from '@refinedev/core';
import { EditButton, RefreshButton, Show } from '@refinedev/antd';
import { Button, Popconfirm, Skeleton } from 'antd';
import { DeleteOutlined } from '@ant-design/icons';
import { IntegrationReviewView } from '../../components/integration-review-view';
import type { Entity, Integration } from '../../types';
import { useIntegrationCommand } from './use-integration-command';
import { useIntegrationReview } from './use-integration-review';

export const IntegrationShow = () => {
  const { result: integration, query } = useShow<Integration>();
  const { query: reviewQuery } = useIntegrationReview(integration?.id);
  const { run, isRunning } = useIntegrationCommand(integration);
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
          <RefreshButton onClick={() => void Promise.all([query.refetch(), reviewQuery.refetch()])} />
          {editable && <EditButton>Edit in wizard</EditButton>}
        </>
      }
    >
      {review ? (
        <IntegrationReviewView review={review} entityExtra={editable ? removeButton : undefined} />
      ) : (
        <Skeleton active />
      )}
    </Show>
  );
};
