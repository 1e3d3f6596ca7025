import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  type Entity,
  IllegalStateError,
  type Integration,
  integrationDecider,
  integrationStreamId,
} from '@ib/domain';
import { type AuthenticatedUser, type RequestContext, EnvironmentAccess } from '../../identity';
import { ConnectionAccess } from '../../connections';
import { CommandRunner, type CommandOutcome } from '../../infrastructure/command-handling/command-runner';
import { builderMetadata } from '../builder-metadata';
import { ServiceSpecifications } from '../upload-specification/service-specifications';
import { EVER_PUBLISHED_ENTITIES, type EverPublishedEntities } from './ever-published-entities.port';
import { tableToEntity } from './table-to-entity';

export class AddEntitiesCommand extends Command<CommandOutcome> {
  constructor(
    readonly integrationId: string,
    readonly tables: readonly string[],
    readonly context: RequestContext,
  ) {
    super();
  }
}

/** Tables become entities from a live description of the integration's database. */
@CommandHandler(AddEntitiesCommand)
export class AddEntitiesHandler implements ICommandHandler<AddEntitiesCommand> {
  constructor(
    private readonly runner: CommandRunner,
    private readonly connections: ConnectionAccess,
    private readonly environments: EnvironmentAccess,
    @Inject(EVER_PUBLISHED_ENTITIES) private readonly published: EverPublishedEntities,
    private readonly specifications: ServiceSpecifications,
  ) {}

  execute({ integrationId, tables, context }: AddEntitiesCommand) {
    return this.runner.run(
      integrationStreamId(integrationId),
      integrationDecider,
      async (state) => {
        // Checked before the external database is touched, not only when the command is decided.
        const metadata = await builderMetadata(this.environments, context.user, integrationId, state);
        const entities = await this.describe(state, tables, context.user);
        const publishedEntities = await this.published.entitiesEverPublished(integrationId);
        return { type: 'AddEntities', data: { integrationId, entities, publishedEntities }, metadata };
      },
      context,
    );
  }

  /**
   * The tables as the integration's database has them now; from its uploaded specification while it
   * has no connection. None for an integration the decider refuses.
   */
  private async describe(
    state: Integration,
    tables: readonly string[],
    user: AuthenticatedUser,
  ): Promise<Entity[]> {
    if (state.status !== 'draft') return [];
    const { connectionId, specificationId, database } = state;
    if ((!connectionId && !specificationId) || !database)
      throw new IllegalStateError(
        'INTEGRATION.DATABASE_NOT_SELECTED',
        'Select a connection (or upload the service specification) and a database before adding tables',
      );
    const described = connectionId
      ? await this.connections.withConnector(
          await this.connections.viewable(user, connectionId),
          (connector) => connector.describe(database, tables),
        )
      : await (await this.specifications.connectorOf(specificationId!)).describe(database, tables);
    return described.map(tableToEntity);
  }
}
