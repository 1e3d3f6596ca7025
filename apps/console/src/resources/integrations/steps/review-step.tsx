import { useState } from 'react';
import { useGo } from '@refinedev/core';
import { Button, Skeleton, Space } from 'antd';
import { IntegrationReviewView } from '../../../components/integration-review-view';
import { PublishButton } from '../publish-button';
import { useIntegrationPublishing } from '../use-integration-publishing';
import { useIntegrationReview } from '../use-integration-review';
import { PublicationProgress } from './publication-progress';
import type { StepProps } from './step-props';

/**
 * The wizard's last step: the review, then Publish, with the publication's steps shown as they happen
 * (as on the integration's page). "Finish later" keeps the draft for another day.
 */
export const ReviewStep = ({ integration, onBack }: Omit<StepProps, 'onNext'>) => {
  const go = useGo();
  const { query } = useIntegrationReview(integration.id);
  const review = query.data?.data;
  const publishing = useIntegrationPublishing(integration.id);
  const [publicationId, setPublicationId] = useState<string>();
  const publication = publishing.publications.find(({ id }) => id === publicationId);
  const published = publication?.status === 'published';
  const open = () => go({ to: { resource: 'integrations', action: 'show', id: integration.id } });
  return (
    <>
      {review ? <IntegrationReviewView review={review} /> : <Skeleton active />}
      {publicationId && <PublicationProgress integration={integration} publication={publication} />}
      <Space style={{ marginTop: 24, width: '100%', justifyContent: 'flex-end' }}>
        {publicationId === undefined && onBack && <Button onClick={onBack}>Back</Button>}
        <Button type={published ? 'primary' : 'default'} onClick={open}>
          {publicationId === undefined ? 'Finish later' : 'Open the integration'}
        </Button>
        {!published && (
          <PublishButton
            integration={integration}
            running={publishing.running}
            ready={review?.readyToPublish ?? false}
            onStarted={(started) => {
              setPublicationId(started.publicationId);
              publishing.watch(started.publicationId);
            }}
          />
        )}
      </Space>
    </>
  );
};
