import { Injectable } from '@nestjs/common';
import { type ViewStore, ViewStores } from '../../../infrastructure/read-model/view-store';
import { type DependencyView } from './dependencies.projection';
import { DependencyRow, IntegrationDependencyStateRow } from './dependencies.table';
import { type IntegrationDependencyStateView } from './integration-dependency-states.projection';

export {
  type DependencyUpdateView,
  type DependencyView,
  installedIn,
  updatesIn,
} from './dependencies.projection';
export {
  type IntegrationDependencyStateView,
  type RepublishRequirementView,
} from './integration-dependency-states.projection';

/** The runtime dependencies updated at least once, by name (their key). */
export const listDependencies = async (store: ViewStore<DependencyView>): Promise<DependencyView[]> =>
  (await store.list()).items;

/** The dependency views, for Publishing's routes and reactor and for the data API (through the face). */
@Injectable()
export class DependencyViews {
  private readonly dependencies: ViewStore<DependencyView>;
  private readonly states: ViewStore<IntegrationDependencyStateView>;

  constructor(stores: ViewStores) {
    this.dependencies = stores.of<DependencyView>(DependencyRow);
    this.states = stores.of<IntegrationDependencyStateView>(IntegrationDependencyStateRow);
  }

  list(): Promise<DependencyView[]> {
    return listDependencies(this.dependencies);
  }

  /** Undefined for an integration never published nor affected by an update. */
  stateOf(integrationId: string): Promise<IntegrationDependencyStateView | undefined> {
    return this.states.get(integrationId);
  }
}
