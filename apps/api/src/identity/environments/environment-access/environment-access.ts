import { Injectable } from '@nestjs/common';
import {
  type EnvironmentKind,
  IllegalStateError,
  NotFoundError,
  environmentDecider,
  environmentStreamId,
} from '@ib/domain';
import { type AuthenticatedUser } from '../../auth/authenticated-user';
import { allows, authorize } from '../../auth/policy';
import { CommandRunner } from '../../../infrastructure/command-handling/command-runner';
import { EnvironmentViews } from '../environment-queries/environment-views';

/**
 * Environment facts for commands. An environment is never deleted and its kind never changes, so
 * whatever the environments view holds is final; only its absence may be the view lagging behind a
 * creation just stored, and then the event store (the source of truth) decides.
 */
@Injectable()
export class EnvironmentAccess {
  /** An environment's kind never changes once created, so a known kind is not read again. */
  private readonly kinds = new Map<string, EnvironmentKind>();

  constructor(
    private readonly runner: CommandRunner,
    private readonly views: EnvironmentViews,
  ) {}

  async kindOf(environment: string): Promise<EnvironmentKind> {
    const known = this.kinds.get(environment) ?? (await this.views.find(environment))?.kind;
    if (known) {
      this.kinds.set(environment, known);
      return known;
    }
    const { state } = await this.runner.load(environmentStreamId(environment), environmentDecider);
    if (state.status === 'none')
      throw new NotFoundError('ENVIRONMENT.NOT_FOUND', `Environment '${environment}' does not exist`);
    this.kinds.set(environment, state.kind);
    return state.kind;
  }

  /**
   * Builder work on an existing integration: one the caller may not read does not exist for them (404,
   * as when they read it); then the builder rule.
   */
  async assertIntegrationBuilder(user: AuthenticatedUser, integrationId: string, environment: string) {
    if (!allows(user, 'integration.read', environment))
      throw new NotFoundError('INTEGRATION.NOT_FOUND', `Integration ${integrationId} does not exist`);
    await this.assertBuilder(user, environment);
  }

  /** Builder work (create, edit, publish) happens only in a development environment. */
  async assertBuilder(user: AuthenticatedUser, environment: string): Promise<void> {
    authorize(user, 'integration.build', environment);
    const kind = await this.kindOf(environment);
    if (kind !== 'development')
      throw new IllegalStateError(
        'ENVIRONMENT.BUILDER_DEVELOPMENT_ONLY',
        `Integrations are built in a development environment; '${environment}' is ${kind}`,
      );
  }
}
