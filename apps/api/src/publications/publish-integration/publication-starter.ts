import { Inject, Injectable } from '@nestjs/common';
import {
  IllegalStateError,
  NotFoundError,
  integrationDecider,
  integrationStreamId,
  publicationDecider,
  publicationStreamId,
} from '@ib/domain';
import { type Actor } from '../../auth/authenticated-user';
import { EnvironmentAccess } from '../../environments/environment-access/environment-access';
import { CLOCK, type Clock } from '../../infrastructure/clock';
import { CommandRunner } from '../../infrastructure/command-handling/command-runner';
import { PublicationIndex } from '../publication-index';

export type PublishOutcome = Readonly<{ publicationId: string; version: number; status: 'running' }>;

export type PublicationStart = Readonly<{
  integrationId: string;
  /** Chosen by the caller, so a process can record it before the publication exists. */
  publicationId: string;
  actor: Actor;
  /** Checks the caller's rights in the integration's environment, once the integration is found. */
  authorize?: (environment: string) => Promise<void>;
}>;

/**
 * Requests a publication after checking the integration can be published; the publication process
 * performs its steps from the stored request. Shared by the publish endpoint and the republish process.
 */
@Injectable()
export class PublicationStarter {
  constructor(
    private readonly runner: CommandRunner,
    private readonly environments: EnvironmentAccess,
    private readonly index: PublicationIndex,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * Throws the reason the integration cannot be published now (not found, not allowed, open, not
   * ready, a publication still running); a process checks this before recording a publication id.
   */
  async publishable(integrationId: string, authorize?: PublicationStart['authorize']) {
    const { state, version: integrationVersion } = await this.runner.load(
      integrationStreamId(integrationId),
      integrationDecider,
    );
    if (state.status === 'none')
      throw new NotFoundError('INTEGRATION.NOT_FOUND', `Integration ${integrationId} does not exist`);
    await authorize?.(state.environment);
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
    return { integration: state, integrationVersion };
  }

  async start({ integrationId, publicationId, actor, authorize }: PublicationStart): Promise<PublishOutcome> {
    const { integration, integrationVersion } = await this.publishable(integrationId, authorize);
    const version = await this.index.nextVersion(integrationId);
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
          environment: integration.environment,
          environmentKind: await this.environments.kindOf(integration.environment),
        },
        metadata: { actorId: actor.userId, now: this.clock.now() },
      },
      { actor, environment: integration.environment },
    );
    return { publicationId, version, status: 'running' };
  }
}
