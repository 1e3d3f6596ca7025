import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { IllegalStateError, integrationDecider, integrationStreamId } from '@ib/domain';
import { type RequestContext, EnvironmentAccess } from '../../identity';
import { ConnectionAccess } from '../../connections';
import { CLOCK, type Clock } from '../../infrastructure/clock';
import { CommandRunner, type CommandOutcome } from '../../infrastructure/command-handling/command-runner';
import { IntegrationCommands } from '../integration-command';
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
    private readonly integrations: IntegrationCommands,
    private readonly connections: ConnectionAccess,
    private readonly environments: EnvironmentAccess,
    @Inject(EVER_PUBLISHED_ENTITIES) private readonly published: EverPublishedEntities,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ integrationId, tables, context }: AddEntitiesCommand) {
    const { state } = await this.runner.load(integrationStreamId(integrationId), integrationDecider);
    let entities: ReturnType<typeof tableToEntity>[] = [];
    if (state.status === 'draft') {
      // Checked before the external database is touched, not only when the command runs.
      await this.environments.assertIntegrationBuilder(context.user, integrationId, state.environment);
      if (!state.connectionId || !state.database)
        throw new IllegalStateError(
          'INTEGRATION.DATABASE_NOT_SELECTED',
          'Select a connection and a database before adding tables',
        );
      const connection = await this.connections.viewable(context.user, state.connectionId);
      const database = state.database;
      const described = await this.connections.withConnector(connection, (connector) =>
        connector.describe(database, tables),
      );
      entities = described.map(tableToEntity);
    }
    return this.integrations.run(
      integrationId,
      {
        type: 'AddEntities',
        data: {
          integrationId,
          entities,
          publishedEntities: await this.published.entitiesEverPublished(integrationId),
        },
        metadata: { actorId: context.user.id, now: this.clock.now() },
      },
      context,
    );
  }
}
