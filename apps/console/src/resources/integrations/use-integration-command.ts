import { useCustomMutation, useInvalidate } from '@refinedev/core';
import { ifMatch } from '../../providers/http';
import type { Integration } from '../../types';

type Command = {
  /** Path under the integration, e.g. `/connection`. */
  path: string;
  method: 'post' | 'put' | 'delete';
  values?: object;
  successMessage: string;
};

/**
 * Commands on an integration carry the version the user saw (`If-Match`), so a concurrent change
 * answers 409 instead of being overwritten.
 */
export const useIntegrationCommand = (integration: Integration | undefined) => {
  const invalidate = useInvalidate();
  const { mutateAsync, mutation } = useCustomMutation<Integration>();

  /** Resolves to the changed integration, or to undefined when the API refused (already notified). */
  const run = async ({ path, method, values, successMessage }: Command): Promise<Integration | undefined> => {
    if (!integration) return undefined;
    try {
      const response = await mutateAsync({
        url: `/integrations/${integration.id}${path}`,
        method,
        values: values ?? {},
        config: { headers: ifMatch(integration.version) },
        successNotification: { type: 'success', message: successMessage },
      });
      return response.data;
    } catch {
      return undefined;
    } finally {
      await invalidate({ resource: 'integrations', id: integration.id, invalidates: ['list', 'detail'] });
    }
  };

  return { run, isRunning: mutation.isPending };
};
