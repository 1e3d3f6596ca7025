import { Injectable } from '@nestjs/common';
import { type ConnectionBinding } from '@ib/domain';
import { CurrentViews } from '../../infrastructure/consistency/current-views';
import { type ViewStore, ViewStores } from '../../infrastructure/read-model/view-store';
import { type ConnectionBindingView } from './connection-bindings.projection';
import { ConnectionBindingRow } from './connection-bindings.table';

/** The deployments a connection serves, by integration then environment. */
export const bindingsOf = async (
  store: ViewStore<ConnectionBindingView>,
  connectionId: string,
): Promise<ConnectionBinding[]> =>
  (
    await store.list({
      where: [{ field: 'connectionId', equals: connectionId }],
      orderBy: [{ field: 'integrationId' }, { field: 'environment' }],
    })
  ).items.map(({ integrationId, environment }) => ({ integrationId, environment }));

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
