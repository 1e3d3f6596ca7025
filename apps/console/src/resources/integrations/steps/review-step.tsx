import { useGo } from '@refinedev/core';
import { Skeleton } from 'antd';
import { IntegrationReviewView } from '../../../components/integration-review-view';
import { useIntegrationReview } from '../use-integration-review';
import { StepActions } from './step-actions';
import type { StepProps } from './step-props';

export const ReviewStep = ({ integration, onBack }: Omit<StepProps, 'onNext'>) => {
  const go = useGo();
  const { query } = useIntegrationReview(integration.id);
  const review = query.data?.data;
  return (
    <>
      {review ? <IntegrationReviewView review={review} /> : <Skeleton active />}
      <StepActions
        onBack={onBack}
        nextLabel="Done"
        onNext={() => go({ to: { resource: 'integrations', action: 'show', id: integration.id } })}
      />
    </>
  );
};
