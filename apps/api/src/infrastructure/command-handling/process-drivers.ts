import { type Logger } from '@nestjs/common';

type DriverOptions = Readonly<{
  /** Names an instance in logs: "Publication", "Republish run". */
  label: string;
  logger: Logger;
  /** Advances one instance from its stored events until it waits or is finished. */
  advance: (id: string) => Promise<void>;
  /** Another runner appended first: read the instance again and go on from what it recorded. */
  lostRace: (error: unknown) => boolean;
}>;

/**
 * The drivers of a process manager's instances (publications, republish runs) in this process: one
 * driver per instance at a time. A wake-up while it runs makes it go round once more when done, and
 * a lost race makes it read the instance again; any other error is logged and the driver stops
 * until the next wake-up.
 */
export class ProcessDrivers {
  private readonly driving = new Map<string, Promise<void>>();
  private readonly again = new Set<string>();
  private stopping = false;

  constructor(private readonly options: DriverOptions) {}

  get stopped(): boolean {
    return this.stopping;
  }

  drive(id: string): void {
    if (this.stopping) return;
    if (this.driving.has(id)) {
      this.again.add(id);
      return;
    }
    const { advance, label, logger, lostRace } = this.options;
    const run = (async () => {
      do {
        this.again.delete(id);
        try {
          await advance(id);
        } catch (error) {
          if (lostRace(error)) {
            this.again.add(id);
            continue;
          }
          logger.error(`${label} ${id}: ${error instanceof Error ? error.message : String(error)}`);
        }
      } while (this.again.has(id) && !this.stopping);
    })().finally(() => this.driving.delete(id));
    this.driving.set(id, run);
  }

  /** No new driver starts; resolves once the running ones have stopped. */
  async stop(): Promise<void> {
    this.stopping = true;
    await Promise.allSettled([...this.driving.values()]);
  }
}
