import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  IllegalStateError,
  NotFoundError,
  integrationDecider,
  integrationStreamId,
  publicationDecider,
  publicationStreamId,
} from '@ib/domain';
import { type RequestContext } from '../../auth/request-context.decorator';
import { EnvironmentAccess } from '../../environments/environment-access/environment-access';
import { CLOCK, type Clock } from '../../infrastructure/clock';
import { CommandRunner } from '../../infrastructure/command-handling/command-runner';
import { uuidv7 } from '../../infrastructure/ids';
import { PublicationIndex } from '../publication-index';

export type PublishOutcome = Readonly<{ publicationId: string; version: number; status: 'running' }>;

export class PublishIntegrationCommand extends Command<PublishOutcome> {
  constructor(
    readonly integrationId: string,
    readonly context: RequestContext,
  ) {
    super();
  }
}

/** Starts a publication: the process manager performs its steps from the stored request. */
@CommandHandler(PublishIntegrationCommand)
export class PublishIntegrationHandler implements ICommandHandler<PublishIntegrationCommand> {
  constructor(
    private readonly runner: CommandRunner,
    private readonly environments: EnvironmentAccess,
    private readonly index: PublicationIndex,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ integrationId, context }: PublishIntegrationCommand): Promise<PublishOutcome> {
    const { state, version: integrationVersion } = await this.runner.load(
      integrationStreamId(integrationId),
      integrationDecider,
    );
    if (state.status === 'none')
      throw new NotFoundError('INTEGRATION.NOT_FOUND', `Integration ${integrationId} does not exist`);
    await this.environments.assertBuilder(context.user, state.environment);
    if (state.status === 'open')
      throw new IllegalStateError(
        'INTEGRATION.OPEN_LOCKED',
        `Integration ${integrationId} was converted to open and can no longer be published by the builder`,
      );
    const missing = [
      state.connectionId ? undefined : 'a connection',
      state.database ? undefined : 'a database',
      state.entities.length > 0 ? undefined : 'at least one table',
    ].filter((item): item is string => item !== undefined);
    if (missing.length > 0)
      throw new IllegalStateError(
        'INTEGRATION.NOT_READY',
        `Integration ${integrationId} is not ready to publish: select ${missing.join(', ')}`,
      );
    const publications = await this.index.publicationsOf(integrationId);
    const running = publications.find((publication) => publication.status === 'running');
    if (running)
      throw new IllegalStateError(
        'PUBLICATION.IN_PROGRESS',
        `Publication ${running.publicationId} of integration ${integrationId} is still running`,
      );
    const version = publications.filter((publication) => publication.status === 'published').length + 1;
    const publicationId = uuidv7();
    await this.runner.run(
      publicationStreamId(publicationId),
      publicationDecider,
      {
        type: 'RequestPublish',
        data: {
          publicationId,
          integrationId,
          integrationVersion,
          version,
          environment: state.environment,
          environmentKind: await this.environments.kindOf(state.environment),
        },
        metadata: { actorId: context.user.id, now: this.clock.now() },
      },
      { actor: context.actor, environment: state.environment },
    );
    return { publicationId, version, status: 'running' };
  }
}
