import { useCustom } from '@refinedev/core';
import type { IntegrationReview } from '../../types';

export const useIntegrationReview = (integrationId: string | undefined) =>
  useCustom<IntegrationReview>({
    url: `/integrations/${integrationId ?? ''}/review`,
    method: 'get',
    queryOptions: { enabled: integrationId !== undefined },
  });
