import { Injectable } from '@nestjs/common';
import { type DeployedVersion, type DeployedVersions } from '../../../integrations';
import {
  type ViewCondition,
  type ViewStore,
  ViewStores,
} from '../../../infrastructure/read-model/view-store';
import { deploymentId, type DeploymentView } from './deployments.projection';
import { DeploymentRow } from './deployments.table';

export { deploymentId, type DeploymentView } from './deployments.projection';

/**
 * One per integration and environment, by integration then environment; `integrationId` narrows to
 * one integration, `environment` to one environment.
 */
export const listDeployments = async (
  store: ViewStore<DeploymentView>,
  query: Readonly<{ integrationId?: string; environment?: string }> = {},
): Promise<DeploymentView[]> => {
  const where: ViewCondition[] = [];
  if (query.integrationId !== undefined) where.push({ field: 'integrationId', equals: query.integrationId });
  if (query.environment !== undefined) where.push({ field: 'environment', equals: query.environment });
  return (await store.list({ where, orderBy: [{ field: 'integrationId' }, { field: 'environment' }] })).items;
};

/** What serves the integration in `environment`, if a version is deployed there. */
export const findDeployment = (
  store: ViewStore<DeploymentView>,
  integrationId: string,
  environment: string,
): Promise<DeploymentView | undefined> => store.get(deploymentId(integrationId, environment));

/** The deployments view, for Publishing's routes and for the data API (through the face). */
@Injectable()
export class DeploymentViews implements DeployedVersions {
  private readonly store: ViewStore<DeploymentView>;

  constructor(stores: ViewStores) {
    this.store = stores.of<DeploymentView>(DeploymentRow);
  }

  find(integrationId: string, environment: string): Promise<DeploymentView | undefined> {
    return findDeployment(this.store, integrationId, environment);
  }

  list(query: Readonly<{ integrationId?: string; environment?: string }> = {}): Promise<DeploymentView[]> {
    return listDeployments(this.store, query);
  }

  /** One read for the lot: a page of the integration list asks once, not once per row. */
  async deployedVersionsOf(
    integrationIds: readonly string[],
  ): Promise<ReadonlyMap<string, DeployedVersion[]>> {
    const byIntegration = new Map<string, DeployedVersion[]>();
    if (integrationIds.length === 0) return byIntegration;
    const { items } = await this.store.list({
      where: [{ field: 'integrationId', in: integrationIds }],
      orderBy: [{ field: 'integrationId' }, { field: 'environment' }],
    });
    for (const { integrationId, environment, environmentKind, version } of items)
      byIntegration.set(integrationId, [
        ...(byIntegration.get(integrationId) ?? []),
        { environment, environmentKind, version },
      ]);
    return byIntegration;
  }
}
