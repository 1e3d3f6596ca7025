import { type HttpError, useCustomMutation, useInvalidate } from '@refinedev/core';
import { isPendingChange, type PendingChange } from '../../components/pending-change';
import { usePendingChangeNotice } from '../../components/use-pending-change-notice';
import { ifMatch } from '../../providers/http';
import type { Connection } from '../../types';

type Command = {
  /** Path under the connection: '' for the connection itself, `/password` for its password. */
  path: '' | '/password';
  method: 'patch' | 'put' | 'delete';
  values?: object;
  successMessage: string;
  /** The problem codes the caller answers on the page itself, rather than in a notification. */
  shownOnPage?: readonly string[];
};

/**
 * How a command on a connection ended. `pending`: sent for approval (four eyes), not applied; `stale`:
 * someone changed the connection since it was read (412); `refused`: any other error, which `error` holds.
 */
export type ConnectionCommandOutcome =
  | { kind: 'applied'; connection?: Connection }
  | { kind: 'pending'; change: PendingChange }
  | { kind: 'stale' }
  | { kind: 'refused'; error: HttpError };

/**
 * Changes, rotations and deletions carry the version of the connection the administrator saw
 * (`If-Match`): a change made meanwhile is refused (412), never overwritten.
 */
export const useConnectionCommand = (connection: Connection) => {
  const invalidate = useInvalidate();
  // The answer is a connection (200), nothing (204), or a change request waiting for approval (202).
  const { mutateAsync, mutation } = useCustomMutation<Connection | PendingChange>();
  const noticePending = usePendingChangeNotice();

  const run = async ({
    path,
    method,
    values,
    successMessage,
    shownOnPage = [],
  }: Command): Promise<ConnectionCommandOutcome> => {
    try {
      const { data } = await mutateAsync({
        url: `/connections/${connection.id}${path}`,
        method,
        values: values ?? {},
        config: { headers: ifMatch(connection.version) },
        successNotification: (response) =>
          isPendingChange(response?.data) ? false : { type: 'success', message: successMessage },
        errorNotification: (error) =>
          shownOnPage.includes(String(error?.code))
            ? false
            : { type: 'error', message: 'The connection was not changed', description: error?.message },
      });
      if (isPendingChange(data)) {
        noticePending(data, `The change to ${connection.name}`);
        return { kind: 'pending', change: data };
      }
      return { kind: 'applied', connection: data ?? undefined };
    } catch (error) {
      const httpError = error as HttpError;
      return httpError.statusCode === 412 ? { kind: 'stale' } : { kind: 'refused', error: httpError };
    } finally {
      // A deleted connection is not read again: its page is left for the list.
      await invalidate({
        resource: 'connections',
        id: connection.id,
        invalidates: method === 'delete' ? ['list'] : ['list', 'detail'],
      });
    }
  };

  return { run, isRunning: mutation.isPending };
};
