import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import {
  type ChangeApplied,
  type ChangeCancelled,
  type ChangeFailed,
  type ChangeRejected,
  changeRequestDecider,
  changeRequestStreamId,
  type ConnectionDeleted,
  type ConnectionPasswordRotated,
  type ConnectionRequestCancelled,
  type ConnectionRequestRejected,
  type RecordedEvent,
  connectionDecider,
  connectionRequestDecider,
  connectionRequestStreamId,
  connectionStreamId,
  secretRefOf,
} from '@ib/domain';
import { CommandRunner } from '../../infrastructure/command-handling/command-runner';
import { type ProcessManager } from '../../infrastructure/process-managers/process-manager';
import { ProcessManagerRunner } from '../../infrastructure/process-managers/process-manager-runner';
import { SecretNotFoundError } from '../../infrastructure/secrets/secret-errors';
import { SecretStore } from '../../infrastructure/secrets/secret-store.port';

/** The facts after which a secret is no longer needed by anything. */
type SecretReleased =
  | ConnectionPasswordRotated
  | ConnectionDeleted
  | ConnectionRequestRejected
  | ConnectionRequestCancelled
  | ChangeRejected
  | ChangeCancelled
  | ChangeApplied
  | ChangeFailed;

/**
 * Destroys (crypto-shreds) a secret once the log says nothing needs it any more: the password a
 * rotation replaced, a deleted connection's, a rejected or cancelled request's, and the one a four-eyes
 * change sealed once the change is over (rejected, cancelled, or run: the command it ran keeps a copy
 * of its own). Driven by the stored
 * events rather than by the handlers that record them, so a process stopped between the append and the
 * shredding still destroys the secret: the checkpoint moves only once a batch is shredded, a failing
 * batch is delivered again, and shredding twice is harmless. It starts from the beginning of the log,
 * so secrets released before it existed are destroyed too.
 */
@Injectable()
export class SecretShreddingReactor implements ProcessManager, OnModuleInit {
  readonly name = 'secret-shredding';
  readonly handles = [
    'ConnectionPasswordRotated',
    'ConnectionDeleted',
    'ConnectionRequestRejected',
    'ConnectionRequestCancelled',
    'ChangeRejected',
    'ChangeCancelled',
    'ChangeApplied',
    'ChangeFailed',
  ] satisfies SecretReleased['type'][];
  readonly firstStart = 'beginning';
  private readonly logger = new Logger(SecretShreddingReactor.name);

  constructor(
    private readonly secrets: SecretStore,
    private readonly runner: CommandRunner,
    private readonly processes: ProcessManagerRunner,
  ) {}

  onModuleInit(): void {
    this.processes.register(this);
  }

  /** Nothing is in flight apart from the events: those after the checkpoint are all delivered again. */
  resumeInFlight(): void {}

  async handle(events: readonly RecordedEvent[]): Promise<void> {
    for (const event of events)
      for (const ref of await this.releasedBy(event as RecordedEvent<SecretReleased>))
        await this.shred(ref, event);
  }

  /** The secrets the event releases, read from the state its stream reached (events carry no secret). */
  private async releasedBy(event: RecordedEvent<SecretReleased>): Promise<string[]> {
    switch (event.type) {
      case 'ConnectionPasswordRotated': {
        const { previousSecretRef } = event.data as ConnectionPasswordRotated['data'];
        return previousSecretRef === undefined ? [] : [previousSecretRef];
      }
      case 'ConnectionDeleted': {
        const { connectionId } = event.data as ConnectionDeleted['data'];
        const { state } = await this.runner.load(connectionStreamId(connectionId), connectionDecider);
        return state.status === 'deleted' && state.secretRef !== undefined ? [state.secretRef] : [];
      }
      case 'ConnectionRequestRejected':
      case 'ConnectionRequestCancelled': {
        const { requestId } = event.data as ConnectionRequestRejected['data'];
        const { state } = await this.runner.load(
          connectionRequestStreamId(requestId),
          connectionRequestDecider,
        );
        // Only a request that was never approved: an approved one's secret is its connection's now.
        return (state.status === 'rejected' || state.status === 'cancelled') && state.secretRef !== undefined
          ? [state.secretRef]
          : [];
      }
      case 'ChangeRejected':
      case 'ChangeCancelled':
      case 'ChangeApplied':
      case 'ChangeFailed': {
        const { changeRequestId } = event.data as ChangeRejected['data'];
        const { state } = await this.runner.load(
          changeRequestStreamId(changeRequestId),
          changeRequestDecider,
        );
        const ref =
          state.status === 'none' || state.status === 'pending' ? undefined : secretRefOf(state.change);
        return ref === undefined ? [] : [ref];
      }
    }
  }

  private async shred(ref: string, event: RecordedEvent): Promise<void> {
    try {
      await this.secrets.shred(ref);
    } catch (error) {
      // Nothing to destroy: a reference never stored here (a log imported without its secrets).
      if (error instanceof SecretNotFoundError) {
        this.logger.log(`No secret ${ref} to destroy after ${event.type} at ${event.globalPosition}`);
        return;
      }
      // The store cannot serve now: the batch is delivered again, so the secret is destroyed later.
      throw error;
    }
  }
}
