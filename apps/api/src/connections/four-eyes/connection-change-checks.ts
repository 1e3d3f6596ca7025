import { Inject, Injectable } from '@nestjs/common';
import {
  type Connection,
  type ConnectionCommand,
  type ConnectionDetails,
  StaleVersionError,
  connectionDecider,
  connectionStreamId,
} from '@ib/domain';
import { authorize, type RequestContext } from '../../identity';
import { APP_CONFIG } from '../../config/app-config.provider';
import { type AppConfig } from '../../config/app-config';
import { CLOCK, type Clock } from '../../infrastructure/clock';
import { CommandRunner } from '../../infrastructure/command-handling/command-runner';
import { ConnectionBindings } from '../connection-bindings/connection-bindings';
import { administeredConnection } from '../connection-administration';
import { type CreateConnectionInput } from '../create-connection/create-connection.command';
import { assertConnectionDetails } from '../create-connection/connection-details-check';

/** Stands for what only exists once the change runs (the connection id, the sealed password). */
const NOT_YET = 'pending-change';

/** The connection a change is about: where it lives, and its name for the request's summary. */
export type Target = Readonly<{ environment: string; name: string }>;

type Command<T extends ConnectionCommand['type']> = Omit<Extract<ConnectionCommand, { type: T }>, 'metadata'>;

/**
 * What a connection call checks before it becomes a change request, so a request is refused as the
 * direct call would be (403, 404, 400, 409, 412) instead of failing only once approved: the caller's
 * rights, the If-Match, the connector's rules, and the decider itself, run on the current state
 * without storing what it decides. Each returns where the change applies.
 */
@Injectable()
export class ConnectionChangeChecks {
  constructor(
    private readonly runner: CommandRunner,
    private readonly bindings: ConnectionBindings,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  create(input: CreateConnectionInput, context: RequestContext): string {
    authorize(context.user, 'connection.create', input.environment);
    assertConnectionDetails(this.config.sqliteDatabasesDir, input, 'CONNECTION.INVALID');
    const { password, ...rest } = input;
    this.decide(connectionDecider.initialState(), context, {
      type: 'CreateConnection',
      data: { connectionId: NOT_YET, ...rest, ...(password ? { secretRef: NOT_YET } : {}) },
    });
    return input.environment;
  }

  async edit(
    connectionId: string,
    input: Readonly<{ name?: string; details?: ConnectionDetails }>,
    context: RequestContext,
  ): Promise<Target> {
    const state = await this.administered(connectionId, context);
    const details = input.details ?? state.details;
    assertConnectionDetails(this.config.sqliteDatabasesDir, { ...state, details }, 'CONNECTION.INVALID');
    this.decide(state, context, {
      type: 'ChangeConnectionDetails',
      data: { connectionId, name: input.name ?? state.name, details },
    });
    return { environment: state.environment, name: state.name };
  }

  async rotate(connectionId: string, context: RequestContext): Promise<Target> {
    const state = await this.administered(connectionId, context);
    this.decide(state, context, {
      type: 'RotateConnectionPassword',
      data: { connectionId, secretRef: NOT_YET },
    });
    return { environment: state.environment, name: state.name };
  }

  async delete(connectionId: string, context: RequestContext): Promise<Target> {
    const state = await this.administered(connectionId, context);
    const boundIn = await this.bindings.boundIn(connectionId);
    this.decide(state, context, { type: 'DeleteConnection', data: { connectionId, boundIn } });
    return { environment: state.environment, name: state.name };
  }

  /** An active connection the caller administers, at the version they saw. */
  private async administered(connectionId: string, context: RequestContext) {
    const { state, version } = await this.runner.load(connectionStreamId(connectionId), connectionDecider);
    administeredConnection(state, connectionId, context.user);
    if (context.ifMatch !== undefined && context.ifMatch !== version)
      throw new StaleVersionError(context.ifMatch, version);
    if (state.status !== 'active') {
      // The decider names why (not found, deleted), as the direct call would.
      this.decide(state, context, { type: 'DeleteConnection', data: { connectionId, boundIn: [] } });
      throw new Error(`Connection ${connectionId} is ${state.status}`);
    }
    return state;
  }

  private decide<T extends ConnectionCommand['type']>(
    state: Connection,
    context: RequestContext,
    command: Command<T>,
  ) {
    connectionDecider.decide(
      { ...command, metadata: { actorId: context.user.id, now: this.clock.now() } } as ConnectionCommand,
      state,
    );
  }
}
