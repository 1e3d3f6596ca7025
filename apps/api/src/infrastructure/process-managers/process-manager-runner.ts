import { Logger } from '@nestjs/common';
import { type RecordedEvent } from '@ib/domain';
import { type EventStore, type Subscription } from '../event-store/event-store.port';
import {
  type InstanceChanges,
  NO_INSTANCE_CHANGES,
  type ProcessCheckpoints,
} from './process-checkpoints.port';
import { type ProcessManager } from './process-manager';

export type ProcessManagerStatus = Readonly<{
  name: string;
  position: number;
  head: number;
  lag: number;
  /**
   * On the instance that answers: `running` (delivering), `retrying` (its last batch failed and is
   * delivered again after a pause that grows while it keeps failing), `stopped` (not run here: another
   * instance holds the lease, or the process is stopping).
   */
  state: 'running' | 'retrying' | 'stopped';
  /** Why its last batch failed, while it is retrying. */
  failed?: string;
  /** Its most recent failure on this instance, kept after it recovered. */
  lastError?: Readonly<{ message: string; at: string }>;
}>;

export type ProcessManagerRunnerOptions = Readonly<{
  /** Events per batch handed to a manager. */
  batchSize?: number;
  /** Wait before a batch whose handler failed is delivered again; it doubles while failures go on. */
  retryDelayMs?: number;
  /** The longest wait between two deliveries of a failing batch. */
  maxRetryDelayMs?: number;
  /** How often the checkpoint of a manager that had nothing to handle is written (0: every batch). */
  idleCheckpointIntervalMs?: number;
  now?: () => number;
}>;

type Registered = {
  readonly manager: ProcessManager;
  readonly handles: ReadonlySet<string> | 'all';
  /** Under which name its checkpoint is stored, apart from those of the views. */
  readonly key: string;
  /** Every event up to here was handed over (and its instance changes stored, or about to be). */
  position: number;
  /** The stored checkpoint; -1 when none is. */
  saved: number;
  /** Set once its checkpoint is loaded: only then is there a position worth storing on stop. */
  started: boolean;
  savedAt: number;
  instances: Map<string, object>;
  subscription?: Subscription;
  retryTimer?: NodeJS.Timeout;
  /** The wait before the next delivery of a failing batch. */
  retryDelay: number;
  failure?: Error;
  lastError?: { message: string; at: string };
};

const CHECKPOINT_PREFIX = 'process:';

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Feeds the process managers and reactors from the event store, each from its own checkpoint, so a
 * restart reads only what was appended since it stopped (never the log from 0 again).
 *
 * Start, once the read-model views have caught up with the head: each manager loads its checkpoint,
 * resumes what was in flight as the state holds it (its views, or the instances the runner keeps for
 * it), then receives the events after its checkpoint, batch by batch. Its checkpoint moves once a
 * batch has been handed over: a crash before that delivers the batch again, one after it is covered by
 * the in-flight step of the next start. A batch whose handler throws is delivered again after
 * `retryDelayMs`. Each manager has a subscription of its own, so one failing does not hold back the
 * others.
 */
export class ProcessManagerRunner {
  private readonly logger = new Logger(ProcessManagerRunner.name);
  private readonly registered: Registered[] = [];
  private readonly batchSize: number;
  private readonly retryDelayMs: number;
  private readonly maxRetryDelayMs: number;
  private readonly idleCheckpointIntervalMs: number;
  private readonly now: () => number;
  private running = false;
  private starting: Promise<void> = Promise.resolve();

  constructor(
    private readonly store: EventStore,
    private readonly checkpoints: ProcessCheckpoints,
    options: ProcessManagerRunnerOptions = {},
  ) {
    this.batchSize = options.batchSize ?? 500;
    this.retryDelayMs = options.retryDelayMs ?? 1000;
    this.maxRetryDelayMs = Math.max(this.retryDelayMs, options.maxRetryDelayMs ?? 15_000);
    this.idleCheckpointIntervalMs = options.idleCheckpointIntervalMs ?? 1000;
    this.now = options.now ?? Date.now;
  }

  /** Managers register before the runner starts (in onModuleInit); each name once. */
  register<Instance extends object>(manager: ProcessManager<Instance>): void {
    if (this.registered.some((entry) => entry.manager.name === manager.name))
      throw new Error(`A process manager named ${manager.name} is registered already`);
    this.registered.push({
      manager: manager as ProcessManager,
      handles: manager.handles === 'all' ? 'all' : new Set(manager.handles),
      key: CHECKPOINT_PREFIX + manager.name,
      position: 0,
      saved: -1,
      started: false,
      savedAt: 0,
      instances: new Map(),
      retryDelay: this.retryDelayMs,
    });
  }

  /**
   * Resumes every manager and subscribes it from its checkpoint. Call it once the read-model views
   * have caught up with `viewsAt` (the head, unless given), since the in-flight step reads them.
   */
  async start(viewsAt?: number): Promise<void> {
    if (this.running) return;
    this.running = true;
    this.starting = this.startAll(viewsAt);
    await this.starting;
  }

  /** Stops delivery once each manager's batch in flight is handed over, stores the checkpoints, stops the managers. */
  async stop(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    await this.starting;
    await Promise.all(this.registered.map((entry) => this.stopOne(entry)));
  }

  async status(): Promise<ProcessManagerStatus[]> {
    // Another instance may run them (it holds their lease): their stored checkpoints say where they are.
    if (!this.running)
      for (const entry of this.registered)
        entry.position = (await this.checkpoints.load(entry.key))?.position ?? entry.position;
    const head = await this.store.headPosition();
    return this.registered.map(({ manager, position, failure, lastError }) => ({
      name: manager.name,
      position,
      head,
      lag: Math.max(0, head - position),
      state: !this.running ? 'stopped' : failure ? 'retrying' : 'running',
      ...(failure ? { failed: failure.message } : {}),
      ...(lastError ? { lastError } : {}),
    }));
  }

  /**
   * Up to where the manager named `name` was handed the log here (its handler resolved for every event
   * up to it); undefined when none is registered by that name. A reactor that builds on another's work
   * waits for it to pass the events it is handling.
   */
  positionOf(name: string): number | undefined {
    return this.registered.find(({ manager }) => manager.name === name)?.position;
  }

  /** The managers whose last batch failed here and waits to be handed over again; reads nothing. */
  retrying(): string[] {
    if (!this.running) return [];
    return this.registered.filter(({ failure }) => failure !== undefined).map(({ manager }) => manager.name);
  }

  private async startAll(viewsAt: number | undefined): Promise<void> {
    const head = viewsAt ?? (await this.store.headPosition());
    for (const entry of this.registered) {
      if (!this.running) return;
      await this.startOne(entry, head);
    }
  }

  private async startOne(entry: Registered, head: number): Promise<void> {
    const { manager } = entry;
    const stored = await this.checkpoints.load(entry.key);
    entry.instances = new Map(stored?.instances);
    if (stored === undefined) {
      entry.position = manager.firstStart === 'beginning' ? 0 : head;
      await this.save(entry, entry.position, NO_INSTANCE_CHANGES);
    } else {
      entry.position = entry.saved = stored.position;
    }
    entry.started = true;
    try {
      await manager.resumeInFlight({ head, instances: [...entry.instances.values()] });
    } catch (error) {
      // What could not be resumed now waits for its next event; the others go on.
      this.logger.error(`Process ${manager.name} could not resume what was in flight: ${messageOf(error)}`);
    }
    if (this.running) this.subscribe(entry);
  }

  private subscribe(entry: Registered): void {
    const subscription = this.store.subscribe(
      { fromPosition: entry.position, batchSize: this.batchSize },
      (batch) => this.deliver(entry, batch),
    );
    entry.subscription = subscription;
    void subscription.failed.then((error) => {
      if (entry.subscription !== subscription) return;
      entry.subscription = undefined;
      entry.failure = error;
      entry.lastError = { message: error.message, at: new Date(this.now()).toISOString() };
      const delay = entry.retryDelay;
      entry.retryDelay = Math.min(this.maxRetryDelayMs, delay * 2);
      this.logger.error(
        `Process ${entry.manager.name} failed after position ${entry.position}, ` +
          `delivering again in ${delay} ms: ${error.message}`,
      );
      entry.retryTimer = setTimeout(() => {
        entry.retryTimer = undefined;
        if (this.running && entry.subscription === undefined) this.subscribe(entry);
      }, delay);
    });
  }

  private async deliver(entry: Registered, batch: readonly RecordedEvent[]): Promise<void> {
    const last = batch.at(-1)?.globalPosition;
    if (last === undefined) return;
    const { handles } = entry;
    const handled = handles === 'all' ? batch : batch.filter((event) => handles.has(event.type));
    if (handled.length > 0) await entry.manager.handle(handled);
    const changes = this.instanceChanges(entry, batch);
    const changed = changes.upserts.size > 0 || changes.removals.length > 0;
    // A batch with nothing to hand over only moves the checkpoint: storing that now and then is enough,
    // since delivering events a manager does not handle again changes nothing.
    const idleDue = this.now() - entry.savedAt >= this.idleCheckpointIntervalMs;
    if (handled.length > 0 || changed || idleDue) await this.save(entry, last, changes);
    entry.position = last;
    entry.failure = undefined;
    entry.retryDelay = this.retryDelayMs;
  }

  /** The batch folded into the manager's instances, not applied until stored. */
  private instanceChanges(entry: Registered, batch: readonly RecordedEvent[]): InstanceChanges {
    const projection = entry.manager.instances;
    if (projection === undefined) return NO_INSTANCE_CHANGES;
    const types = new Set(projection.handles);
    const touched = new Map<string, object | undefined>();
    for (const event of batch) {
      if (!types.has(event.type)) continue;
      const id = projection.idOf(event);
      const current = touched.has(id) ? touched.get(id) : entry.instances.get(id);
      touched.set(id, projection.evolve(current, event));
    }
    const upserts = new Map<string, object>();
    const removals: string[] = [];
    for (const [id, document] of touched) {
      if (document !== undefined) upserts.set(id, document);
      else if (entry.instances.has(id)) removals.push(id);
    }
    return { upserts, removals };
  }

  private async save(entry: Registered, position: number, changes: InstanceChanges): Promise<void> {
    await this.checkpoints.save(entry.key, position, changes);
    for (const [id, document] of changes.upserts) entry.instances.set(id, document);
    for (const id of changes.removals) entry.instances.delete(id);
    entry.saved = position;
    entry.savedAt = this.now();
  }

  private async stopOne(entry: Registered): Promise<void> {
    clearTimeout(entry.retryTimer);
    entry.retryTimer = undefined;
    const subscription = entry.subscription;
    entry.subscription = undefined;
    await subscription?.stop();
    if (!entry.started) return;
    try {
      if (entry.position !== entry.saved) await this.save(entry, entry.position, NO_INSTANCE_CHANGES);
    } catch (error) {
      // The next start delivers again from the stored checkpoint: late, never lost.
      this.logger.warn(`Process ${entry.manager.name}: checkpoint not stored on stop (${messageOf(error)})`);
    }
    await entry.manager.stop?.();
  }
}
