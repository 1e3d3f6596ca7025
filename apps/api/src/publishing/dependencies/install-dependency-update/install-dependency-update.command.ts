import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { type DependencyUpdateInstalled, dependencyDecider, dependencyStreamId } from '@ib/domain';
import { authorize, type RequestContext, EnvironmentAccess } from '../../../identity';
import { CommandRunner } from '../../../infrastructure/command-handling/command-runner';
import { shippedVersion } from '../installed-dependencies';

/** `environment`: where to install it; the caller's logged-in environment when absent. */
export type DependencyUpdate = Readonly<{
  version: string;
  breaking?: boolean;
  notes?: string;
  environment?: string;
}>;

export type InstalledUpdate = Readonly<
  Pick<
    DependencyUpdateInstalled['data'],
    'name' | 'fromVersion' | 'version' | 'breaking' | 'notes' | 'installedAt'
  > & { environment: string }
>;

export class InstallDependencyUpdateCommand extends Command<InstalledUpdate> {
  constructor(
    readonly name: string,
    readonly update: DependencyUpdate,
    readonly context: RequestContext,
  ) {
    super();
  }
}

/**
 * Records a new version installed in one environment (each runs its own runtime), by an administrator
 * of it; a breaking one is picked up by the breaking-update reactor, which marks what is deployed there.
 */
@CommandHandler(InstallDependencyUpdateCommand)
export class InstallDependencyUpdateHandler implements ICommandHandler<InstallDependencyUpdateCommand> {
  constructor(
    private readonly runner: CommandRunner,
    private readonly environments: EnvironmentAccess,
  ) {}

  async execute({ name, update, context }: InstallDependencyUpdateCommand): Promise<InstalledUpdate> {
    const environment = update.environment ?? context.user.environment;
    authorize(context.user, 'dependency.install', environment);
    // Roles name environments; an update is recorded only for one that exists (404 otherwise).
    await this.environments.kindOf(environment);
    const shipped = shippedVersion(name);
    const { events } = await this.runner.run(
      dependencyStreamId(name),
      dependencyDecider,
      () => ({
        type: 'InstallDependencyUpdate',
        data: {
          name,
          knownDependency: shipped !== undefined,
          installedVersion: shipped ?? '0.0.0',
          environment,
          version: update.version,
          ...(update.breaking === undefined ? {} : { breaking: update.breaking }),
          ...(update.notes === undefined ? {} : { notes: update.notes }),
        },
        metadata: { environment },
      }),
      { actor: context.actor },
    );
    // The decider always answers one event or an error.
    const { fromVersion, version, breaking, notes, installedAt } = events[0].data;
    return { name, environment, fromVersion, version, breaking, notes, installedAt };
  }
}
