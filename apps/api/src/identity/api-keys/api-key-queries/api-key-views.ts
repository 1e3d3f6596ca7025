import { Injectable } from '@nestjs/common';
import {
  type ViewCondition,
  type ViewPage,
  type ViewStore,
  ViewStores,
} from '../../../infrastructure/read-model/view-store';
import { type ApiKeyView } from './api-keys.projection';
import { ApiKeyRow } from './api-keys.table';

export { type ApiKeyView } from './api-keys.projection';

/** Newest first; `environments` narrows to those (absent means all of them, empty means none). */
export const listApiKeys = (
  store: ViewStore<ApiKeyView>,
  query: Readonly<{ environments?: readonly string[] }> = {},
): Promise<ViewPage<ApiKeyView>> => {
  const where: ViewCondition[] =
    query.environments === undefined ? [] : [{ field: 'environment', in: query.environments }];
  return store.list({
    where,
    orderBy: [
      { field: 'createdAt', direction: 'desc' },
      { field: 'id', direction: 'desc' },
    ],
  });
};

/** The view holds only a hint of each key, never the key or its hash. */
@Injectable()
export class ApiKeyViews {
  private readonly store: ViewStore<ApiKeyView>;

  constructor(stores: ViewStores) {
    this.store = stores.of<ApiKeyView>(ApiKeyRow);
  }

  /** The stored view as it is, active or revoked: for the verifier, which decides what it means. */
  find(id: string): Promise<ApiKeyView | undefined> {
    return this.store.get(id);
  }

  list(environment: string): Promise<ViewPage<ApiKeyView>> {
    return listApiKeys(this.store, { environments: [environment] });
  }
}
