import {
  type DependencyView,
  deploymentId,
  type DeploymentView,
  type IntegrationDependencyStateView,
  type PublicationView,
} from './projections';
import { type EntitySchema } from '@mikro-orm/libsql';
import { type ReadModelOrm } from './read-model-orm';
import {
  DependencyRow,
  DeploymentRow,
  IntegrationDependencyStateRow,
  PublicationRow,
  RepublishRunRow,
} from './read-model.entities';
import { type NativeDatabase, ViewTable } from '../infrastructure/read-model/view-table';

/** `integrationId` narrows to one integration's documents; absent means every integration's. */
export type IntegrationFilter = Readonly<{ integrationId?: string }>;

const ofIntegration = ({ integrationId }: IntegrationFilter) =>
  integrationId === undefined ? {} : { integrationId };

/**
 * The Integration Manager's queries. Answers are plain view documents, the shapes the projections
 * build (never ORM entities), read through a fresh EntityManager each time so nothing is cached.
 */
export class ReadModel {
  private readonly publications: ViewTable;
  private readonly deployments: ViewTable;
  private readonly dependencyStates: ViewTable;
  private readonly dependencies: ViewTable;
  private publicationsOfIntegration?: ReturnType<NativeDatabase['prepare']>;

  /**
   * `reader`: a read-only connection of its own to the same file. Reads by id go through it on prepared
   * statements (the hot path of every write's answer); WAL lets it read committed rows while the
   * projection runner writes, and it never sees a batch half-applied.
   */
  constructor(
    private readonly orm: ReadModelOrm,
    private readonly reader?: NativeDatabase,
  ) {
    this.publications = ViewTable.of(orm, PublicationRow);
    this.deployments = ViewTable.of(orm, DeploymentRow);
    this.dependencyStates = ViewTable.of(orm, IntegrationDependencyStateRow);
    this.dependencies = ViewTable.of(orm, DependencyRow);
  }

  /** Newest first. */
  async listPublications(query: IntegrationFilter = {}): Promise<PublicationView[]> {
    const rows = await this.em().find(PublicationRow, ofIntegration(query), {
      orderBy: { requestedAt: 'desc', id: 'desc' },
    });
    return rows.map((row) => this.publications.entityToDocument(row) as PublicationView);
  }

  /**
   * The publications the publication process has left to finish, oldest request first: those still
   * running, and those published but not deployed where they were published (no version as recent
   * there), as a stop between the two appends leaves them.
   */
  async listPublicationIdsInFlight(): Promise<string[]> {
    const rows = await this.em().execute<{ id: string }[]>(
      "select `id` from `publications` as `publication` where `status` = 'running' or (`status` = 'published' " +
        'and not exists (select 1 from `deployments` as `deployment` where `deployment`.`id` = ' +
        "`publication`.`integration_id` || ':' || `publication`.`environment` " +
        'and `deployment`.`version` >= `publication`.`version`)) order by `requested_at`, `id`',
    );
    return rows.map(({ id }) => id);
  }

  /**
   * An integration's publications, oldest request first. Read on the reader's prepared statement when
   * there is one, synchronously: a caller that waited for the views to pass its own write reads them as
   * that write left them, before anything else gets to run.
   */
  async listPublicationsOf(integrationId: string): Promise<PublicationView[]> {
    if (this.reader === undefined) {
      const rows = await this.em().find(
        PublicationRow,
        { integrationId },
        { orderBy: { requestedAt: 'asc', id: 'asc' } },
      );
      return rows.map((row) => this.publications.entityToDocument(row) as PublicationView);
    }
    this.publicationsOfIntegration ??= this.reader.prepare(
      'select * from `publications` where `integration_id` = ? order by `requested_at`, `id`',
    );
    const rows = this.publicationsOfIntegration.all([integrationId]) as Record<string, unknown>[];
    return rows.map((row) => this.publications.toDocument(row) as PublicationView);
  }

  /** An integration's successful publications, the newest version first. */
  async listPublishedVersions(integrationId: string): Promise<PublicationView[]> {
    const rows = await this.em().find(
      PublicationRow,
      { integrationId, status: 'published' },
      { orderBy: { version: 'desc', id: 'desc' } },
    );
    return rows.map((row) => this.publications.entityToDocument(row) as PublicationView);
  }

  async getPublication(id: string): Promise<PublicationView | undefined> {
    return this.byId(this.publications, PublicationRow, { id: id }, id) as Promise<
      PublicationView | undefined
    >;
  }

  /** Every integration with at least one publication requested. */
  async listPublishingIntegrationIds(): Promise<string[]> {
    const rows = await this.em().execute<{ id: string }[]>(
      'select distinct `integration_id` as `id` from `publications` order by `integration_id`',
    );
    return rows.map(({ id }) => id);
  }

  /**
   * The republish runs running in `environment`, oldest first. A run of unknown environment is counted
   * in every one, as it was when one run at a time ran for the whole installation.
   */
  async listRunningRepublishRunIds(environment: string): Promise<string[]> {
    const rows = await this.em().find(
      RepublishRunRow,
      { $or: [{ environment: null }, { environment }] },
      { orderBy: { startedAt: 'asc', id: 'asc' }, fields: ['id'] },
    );
    return rows.map(({ id }) => id);
  }

  /** One per integration and environment, by environment. */
  async listDeployments(query: IntegrationFilter = {}): Promise<DeploymentView[]> {
    const rows = await this.em().find(DeploymentRow, ofIntegration(query), {
      orderBy: { integrationId: 'asc', environment: 'asc' },
    });
    return rows.map((row) => this.deployments.entityToDocument(row) as DeploymentView);
  }

  /** What serves the integration in `environment`, if a version is deployed there. */
  async getDeployment(integrationId: string, environment: string): Promise<DeploymentView | undefined> {
    const id = deploymentId(integrationId, environment);
    return this.byId(this.deployments, DeploymentRow, { id }, id) as Promise<DeploymentView | undefined>;
  }

  async listIntegrationDependencyStates(): Promise<IntegrationDependencyStateView[]> {
    const rows = await this.em().find(IntegrationDependencyStateRow, {}, { orderBy: { id: 'asc' } });
    return rows.map((row) => this.dependencyStates.entityToDocument(row) as IntegrationDependencyStateView);
  }

  async getIntegrationDependencyState(
    integrationId: string,
  ): Promise<IntegrationDependencyStateView | undefined> {
    return this.byId(
      this.dependencyStates,
      IntegrationDependencyStateRow,
      { id: integrationId },
      integrationId,
    ) as Promise<IntegrationDependencyStateView | undefined>;
  }

  /** The runtime dependencies updated at least once, by name. */
  async listDependencies(): Promise<DependencyView[]> {
    const rows = await this.em().find(DependencyRow, {}, { orderBy: { name: 'asc' } });
    return rows.map((row) => this.dependencies.entityToDocument(row) as DependencyView);
  }

  private async byId(
    table: ViewTable,
    entity: EntitySchema,
    where: object,
    id: string,
  ): Promise<object | undefined> {
    if (this.reader) {
      const [row] = table.on(this.reader).load([id]);
      return row === undefined ? undefined : table.toDocument(row);
    }
    const row = await this.em().findOne(entity, where);
    return row === null ? undefined : table.entityToDocument(row);
  }

  private em() {
    return this.orm.em.fork();
  }
}
