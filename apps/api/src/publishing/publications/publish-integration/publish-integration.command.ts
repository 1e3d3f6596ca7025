import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type IntegrationPublishRequested, publicationDecider, publicationStreamId } from '@ib/domain';
import { type RequestContext, EnvironmentAccess } from '../../../identity';
import { CommandRunner } from '../../../infrastructure/command-handling/command-runner';
import { PublicationStarter, type PublishOutcome } from './publication-starter';

export { type PublishOutcome } from './publication-starter';

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
    private readonly starter: PublicationStarter,
    private readonly environments: EnvironmentAccess,
    private readonly runner: CommandRunner,
  ) {}

  async execute({ integrationId, context }: PublishIntegrationCommand): Promise<PublishOutcome> {
    const publicationId = context.ids.next();
    // A retry of a request that started this publication answers it; the checks would now find it running.
    const recorded = await this.runner.recorded(
      publicationStreamId(publicationId),
      publicationDecider,
      context.actor,
    );
    if (recorded) {
      const [requested] = recorded.events as IntegrationPublishRequested[];
      return { publicationId, version: requested.data.version, status: 'running' };
    }
    return this.starter.start({
      integrationId,
      publicationId,
      actor: context.actor,
      authorize: (environment) =>
        this.environments.assertIntegrationBuilder(context.user, integrationId, environment),
    });
  }
}
