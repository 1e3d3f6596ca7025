import { type RecordedEvent } from '@ib/domain';
import { type Projection } from '../read-model/projection';

/** What a manager is told once at start, before any event is delivered to it. */
export type ProcessStart<Instance extends object = object> = Readonly<{
  /**
   * A position the read-model views had caught up to when the runner started (the head then). Events
   * up to it may still be delivered (those after the checkpoint); a manager that resumed from the
   * views has seen their effect already.
   */
  head: number;
  /** The instances kept by `instances` as of the checkpoint (empty for a manager without it). */
  instances: readonly Instance[];
}>;

/**
 * A process manager or reactor fed by the event store through the ProcessManagerRunner: it is handed
 * the events of the types it handles from its checkpoint on, never the whole log again at each start.
 * What was in flight when the process stopped comes from state (the read-model views, or `instances`),
 * which is why the checkpoint may move as soon as the events are handed over, not when their work ends.
 */
export interface ProcessManager<Instance extends object = object> {
  /** Stable: the key of its checkpoint. */
  readonly name: string;
  /** Event types it is handed; every other event only moves its checkpoint. `all`: every event (a relay). */
  readonly handles: readonly string[] | 'all';
  /**
   * Where delivery starts when no checkpoint is stored yet (a new installation, or the first start of
   * this manager): `head` when `resumeInFlight` covers everything before, `beginning` when the events
   * themselves are the work and none may be skipped.
   */
  readonly firstStart: 'head' | 'beginning';
  /**
   * The instances in flight, for a manager no read-model view shows them for: a projection whose
   * documents the runner stores with the checkpoint, in the same transaction (undefined: finished).
   */
  readonly instances?: Projection<Instance>;
  /** Called once at start, once the views are caught up: hands what was in flight to its drivers. */
  resumeInFlight(start: ProcessStart<Instance>): Promise<void> | void;
  /**
   * A batch of the events it handles, in log order. It resolves once they are handed over (driving an
   * instance may go on after it); if it throws, the checkpoint stays and the batch is delivered again.
   */
  handle(events: readonly RecordedEvent[]): Promise<void> | void;
  /** Called after the last delivery: stops its drivers and timers. */
  stop?(): Promise<void>;
}
