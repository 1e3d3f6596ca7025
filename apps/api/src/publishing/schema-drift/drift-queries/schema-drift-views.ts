import { Injectable } from '@nestjs/common';
import { type ViewStore, ViewStores } from '../../../infrastructure/read-model/view-store';
import {
  type EnvironmentDriftCheckView,
  schemaDriftId,
  type SchemaDriftView,
} from './schema-drift.projection';
import { EnvironmentDriftCheckRow, SchemaDriftRow } from './schema-drift.table';

export { type EnvironmentDriftCheckView, type SchemaDriftView } from './schema-drift.projection';

/** The drift views, for the drift routes, the environment health and the data API (through the face). */
@Injectable()
export class SchemaDriftViews {
  private readonly drift: ViewStore<SchemaDriftView>;
  private readonly checks: ViewStore<EnvironmentDriftCheckView>;

  constructor(stores: ViewStores) {
    this.drift = stores.of<SchemaDriftView>(SchemaDriftRow);
    this.checks = stores.of<EnvironmentDriftCheckView>(EnvironmentDriftCheckRow);
  }

  find(integrationId: string, environment: string): Promise<SchemaDriftView | undefined> {
    return this.drift.get(schemaDriftId(integrationId, environment));
  }

  /** The integration's drift in each of `environments` it was checked in, by environment. */
  async ofIntegration(integrationId: string, environments: readonly string[]): Promise<SchemaDriftView[]> {
    const { items } = await this.drift.list({
      where: [
        { field: 'integrationId', equals: integrationId },
        { field: 'environment', in: environments },
      ],
      orderBy: [{ field: 'environment' }],
    });
    return items;
  }

  /** Every integration checked in the environment, by integration. */
  async ofEnvironment(environment: string): Promise<SchemaDriftView[]> {
    const { items } = await this.drift.list({
      where: [{ field: 'environment', equals: environment }],
      orderBy: [{ field: 'integrationId' }],
    });
    return items;
  }

  lastCheckOf(environment: string): Promise<EnvironmentDriftCheckView | undefined> {
    return this.checks.get(environment);
  }
}
