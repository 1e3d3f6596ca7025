import { Injectable } from '@nestjs/common';
import { type ViewStore, ViewStores } from '../../../infrastructure/read-model/view-store';
import { type RepublishRunView } from './republish-runs.projection';
import { RepublishRunRow } from './republish-runs.table';

/**
 * The ids of the republish runs running in `environment`, oldest first. A run of unknown environment
 * is counted in every one, as it was when one run at a time ran for the whole installation.
 */
export const listRunningRepublishRunIds = async (
  store: ViewStore<RepublishRunView>,
  environment: string,
): Promise<string[]> =>
  (
    await store.list({
      where: [
        {
          anyOf: [
            { field: 'environment', isAbsent: true },
            { field: 'environment', equals: environment },
          ],
        },
      ],
      orderBy: [{ field: 'startedAt' }],
    })
  ).items.map(({ id }) => id);

@Injectable()
export class RepublishRunViews {
  private readonly store: ViewStore<RepublishRunView>;

  constructor(stores: ViewStores) {
    this.store = stores.of<RepublishRunView>(RepublishRunRow);
  }

  runningIds(environment: string): Promise<string[]> {
    return listRunningRepublishRunIds(this.store, environment);
  }
}
