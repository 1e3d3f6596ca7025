import { Injectable } from '@nestjs/common';
import { type RecordedEvent, type RepublishStarted } from '@ib/domain';
import { CurrentViews } from '../../infrastructure/consistency/current-views';
import { RepublishRunViews } from './republish-queries/republish-run-views';

/**
 * The environment a run republishes in. A run started before runs were per environment names none
 * in its data; it was started by an administrator logged in to the environment of its metadata.
 */
export const environmentOfRun = (started: RecordedEvent): string | undefined =>
  (started.data as RepublishStarted['data']).environment ?? started.metadata.environment;

/** The republish runs still running, read from the republish_runs view once it has passed the head. */
@Injectable()
export class RepublishRuns {
  constructor(
    private readonly runs: RepublishRunViews,
    private readonly views: CurrentViews,
  ) {}

  /**
   * The runs running in `environment`. A run of unknown environment is counted in every one, as it
   * was when one run at a time ran for the whole installation.
   */
  async runningRunIds(environment: string): Promise<string[]> {
    await this.views.upTo();
    return this.runs.runningIds(environment);
  }
}
