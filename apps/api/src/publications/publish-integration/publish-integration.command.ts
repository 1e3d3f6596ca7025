import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type RequestContext } from '../../auth/request-context.decorator';
import { EnvironmentAccess } from '../../environments/environment-access/environment-access';
import { uuidv7 } from '../../infrastructure/ids';
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
  ) {}

  execute({ integrationId, context }: PublishIntegrationCommand): Promise<PublishOutcome> {
    return this.starter.start({
      integrationId,
      publicationId: uuidv7(),
      actor: context.actor,
      authorize: (environment) => this.environments.assertBuilder(context.user, environment),
    });
  }
}
