import { useCustom, useList, type HttpError } from '@refinedev/core';
import { useQuery } from '@tanstack/react-query';
import { http } from '../../providers/http';
import type { DeployedIntegration, Environment, Integration, Items } from '../../types';

/** An environment that did not exist then (or that the user may not read) had nothing deployed to show. */
const deploymentsIn = async (environment: string, asOf: string): Promise<DeployedIntegration[]> => {
  try {
    const { data } = await http<Items<DeployedIntegration>>(
      `/environments/${encodeURIComponent(environment)}/deployments`,
      { query: { asOf } },
    );
    return data.items;
  } catch (error) {
    if ((error as Partial<HttpError>).statusCode === 404) return [];
    throw error;
  }
};

/**
 * An integration and its deployments as they were at `asOf` (ISO), read from the event log by the API.
 * The integration answers 404 for a moment before it existed. Deployments are listed per environment:
 * every environment the user can see is asked, and this integration's entries kept.
 */
export const useIntegrationAsOf = (integrationId: string | undefined, asOf: string | undefined) => {
  const enabled = integrationId !== undefined && asOf !== undefined;
  const { query } = useCustom<Integration>({
    url: `/integrations/${integrationId ?? ''}`,
    method: 'get',
    config: { query: { asOf } },
    queryOptions: { enabled, retry: false, refetchOnWindowFocus: false },
    errorNotification: false,
  });
  const { result: environments } = useList<Environment>({
    resource: 'environments',
    pagination: { mode: 'off' },
    queryOptions: { enabled },
  });
  const names = environments.data.map(({ name }) => name);
  const deployments = useQuery({
    queryKey: ['integration-deployments-as-of', integrationId, asOf, names],
    enabled: enabled && names.length > 0,
    refetchOnWindowFocus: false,
    queryFn: async () =>
      (await Promise.all(names.map((name) => deploymentsIn(name, asOf ?? ''))))
        .flat()
        .filter((deployment) => deployment.integrationId === integrationId),
  });
  const error = query.error as HttpError | null;
  return {
    integration: query.data?.data,
    loading: query.isLoading,
    /** The integration did not exist yet at that moment. */
    notYet: error?.statusCode === 404,
    error: error?.statusCode === 404 ? undefined : error,
    deployments: deployments.data ?? [],
    deploymentsLoading: deployments.isLoading,
  };
};
