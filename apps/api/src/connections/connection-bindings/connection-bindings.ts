import { Injectable } from '@nestjs/common';
import { type ConnectionBinding } from '@ib/domain';
import { CurrentViews } from '../../infrastructure/consistency/current-views';
import { type ViewStore, ViewStores } from '../../infrastructure/read-model/view-store';
import { type ConnectionBindingView } from './connection-bindings.projection';
import { ConnectionBindingRow } from './connection-bindings.table';

/**
 * Where a connection serves, by integration then environment: the deployments bound to it, and the
 * integrations built on it (in development, an integration served by its own connection appears once).
 */
export const bindingsOf = async (
  store: ViewStore<ConnectionBindingView>,
  connectionId: string,
): Promise<ConnectionBinding[]> => {
  const { items } = await store.list({
    where: [{ field: 'connectionId', equals: connectionId }],
    orderBy: [{ field: 'integrationId' }, { field: 'environment' }],
  });
  const seen = new Set<string>();
  return items.flatMap(({ integrationId, environment }) => {
    const key = `${integrationId}:${environment}`;
    if (seen.has(key)) return [];
    seen.add(key);
    return [{ integrationId, environment }];
  });
};

@Injectable()
export class ConnectionBindings {
  private readonly store: ViewStore<ConnectionBindingView>;

  constructor(
    stores: ViewStores,
    private readonly views: CurrentViews,
  ) {
    this.store = stores.of<ConnectionBindingView>(ConnectionBindingRow);
  }

  /**
   * Where the connection serves now: the view has passed every binding answered before the caller
   * began, in this process or another one sharing the store.
   */
  async boundIn(connectionId: string): Promise<ConnectionBinding[]> {
    await this.views.upTo();
    return bindingsOf(this.store, connectionId);
  }
}
