import { Inject, Injectable } from '@nestjs/common';
import { type RecordedEvent, type RepublishFinished, type RepublishStarted } from '@ib/domain';
import { EVENT_STORE, type EventStore } from '../../infrastructure/event-store/event-store.port';
import { LogFollower } from '../../infrastructure/event-store/log-follower';

/**
 * The environment a run republishes in. A run started before runs were per environment names none
 * in its data; it was started by an administrator logged in to the environment of its metadata.
 */
export const environmentOfRun = (started: RecordedEvent): string | undefined =>
  (started.data as RepublishStarted['data']).environment ?? started.metadata.environment;

/**
 * The republish runs still running, with their environment, folded from the event store. Every read
 * first catches up to the store's head (a cache of the log rebuilt on each start, never a source of
 * truth).
 */
@Injectable()
export class RepublishRuns {
  /** Environment (if known) by run id. */
  private readonly running = new Map<string, string | undefined>();
  private readonly log: LogFollower;

  constructor(@Inject(EVENT_STORE) store: EventStore) {
    this.log = new LogFollower(store, (event) => this.apply(event));
  }

  /**
   * The runs running in `environment`. A run of unknown environment is counted in every one, as it
   * was when one run at a time ran for the whole installation.
   */
  async runningRunIds(environment: string): Promise<string[]> {
    await this.log.catchUp();
    return [...this.running]
      .filter(([, runEnvironment]) => runEnvironment === undefined || runEnvironment === environment)
      .map(([runId]) => runId);
  }

  private apply(event: RecordedEvent): void {
    if (event.type === 'RepublishStarted')
      this.running.set((event.data as RepublishStarted['data']).runId, environmentOfRun(event));
    if (event.type === 'RepublishFinished')
      this.running.delete((event.data as RepublishFinished['data']).runId);
  }
}
