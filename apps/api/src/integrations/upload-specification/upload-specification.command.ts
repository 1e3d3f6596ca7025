import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { SPECIFICATION_PROVIDERS, integrationDecider, integrationStreamId } from '@ib/domain';
import { type RequestContext, EnvironmentAccess } from '../../identity';
import { CommandRunner, type CommandOutcome } from '../../infrastructure/command-handling/command-runner';
import { builderMetadata } from '../builder-metadata';
import { ServiceSpecifications, type SpecificationEncoding } from './service-specifications';

export class UploadSpecificationCommand extends Command<CommandOutcome> {
  constructor(
    readonly integrationId: string,
    readonly document: string,
    readonly encoding: SpecificationEncoding,
    readonly context: RequestContext,
  ) {
    super();
  }
}

/**
 * The document is checked before anything is stored, and stored only for an integration that can be
 * built from it: a refused upload leaves nothing behind.
 */
@CommandHandler(UploadSpecificationCommand)
export class UploadSpecificationHandler implements ICommandHandler<UploadSpecificationCommand> {
  constructor(
    private readonly runner: CommandRunner,
    private readonly environments: EnvironmentAccess,
    private readonly specifications: ServiceSpecifications,
  ) {}

  execute({ integrationId, document, encoding, context }: UploadSpecificationCommand) {
    return this.runner.run(
      integrationStreamId(integrationId),
      integrationDecider,
      async (state) => {
        const metadata = await builderMetadata(this.environments, context.user, integrationId, state);
        const command = (specificationId: string, entitySets: number) => ({
          type: 'UploadIntegrationSpecification' as const,
          data: { integrationId, specificationId, entitySets },
          metadata,
        });
        // The decider refuses these (unknown, open, another provider): nothing is read or stored first.
        if (state.status !== 'draft' || !SPECIFICATION_PROVIDERS.includes(state.provider))
          return command('', 0);
        const { edmx, entitySets } = await this.specifications.parse(document, encoding);
        const specificationId = await this.specifications.store(state.provider, edmx, context);
        return command(specificationId, entitySets);
      },
      context,
    );
  }
}
