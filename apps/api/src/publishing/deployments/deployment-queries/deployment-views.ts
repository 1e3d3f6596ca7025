import { Injectable } from '@nestjs/common';
import { type ViewStore, ViewStores } from '../../../infrastructure/read-model/view-store';
import { deploymentId, type DeploymentView } from './deployments.projection';
import { DeploymentRow } from './deployments.table';

export { deploymentId, type DeploymentView } from './deployments.projection';

/** One per integration and environment, by integration then environment; `integrationId` narrows to one. */
export const listDeployments = async (
  store: ViewStore<DeploymentView>,
  query: Readonly<{ integrationId?: string }> = {},
): Promise<DeploymentView[]> =>
  (
    await store.list({
      where:
        query.integrationId === undefined ? [] : [{ field: 'integrationId', equals: query.integrationId }],
      orderBy: [{ field: 'integrationId' }, { field: 'environment' }],
    })
  ).items;

/** What serves the integration in `environment`, if a version is deployed there. */
export const findDeployment = (
  store: ViewStore<DeploymentView>,
  integrationId: string,
  environment: string,
): Promise<DeploymentView | undefined> => store.get(deploymentId(integrationId, environment));

/** The deployments view, for Publishing's routes and for the data API (through the face). */
@Injectable()
export class DeploymentViews {
  private readonly store: ViewStore<DeploymentView>;

  constructor(stores: ViewStores) {
    this.store = stores.of<DeploymentView>(DeploymentRow);
  }

  find(integrationId: string, environment: string): Promise<DeploymentView | undefined> {
    return findDeployment(this.store, integrationId, environment);
  }

  list(query: Readonly<{ integrationId?: string }> = {}): Promise<DeploymentView[]> {
    return listDeployments(this.store, query);
  }
}
