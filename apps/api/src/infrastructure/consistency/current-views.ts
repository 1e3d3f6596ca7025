import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG } from '../../config/app-config.provider';
import { type AppConfig } from '../../config/app-config';
import { EVENT_STORE, type EventStore } from '../event-store/event-store.port';
import { ProjectionRunner } from '../read-model/projection-runner';
import { ViewsBehindError } from './views-behind.error';

/**
 * Lets a read of the views see every write answered before the request began, in this process or
 * another one sharing the store: it waits for the projection runner to commit up to a head position
 * read after the request began. Unlike ReadYourWrites it never answers from views still behind: who
 * may call (a withdrawn role, a revoked key) must not lag, so a runner that cannot catch up in time
 * turns the request into a 503 to retry.
 */
@Injectable()
export class CurrentViews {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly projections: ProjectionRunner,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Resolves to the position the views have passed. `head`: a head position the caller read after it began (see LogHead), instead of one read here.
   * Read here, it is read at once rather than shared through LogHead: a caller that has just appended
   * (a publication start) then reads the views as its own write left them, not some turns later.
   */
  async upTo(head?: number): Promise<number> {
    const position = head ?? (await this.store.headPosition());
    if (position <= 0) return position;
    if (await this.projections.waitFor(position, this.config.readYourWritesTimeoutMs)) return position;
    throw new ViewsBehindError(position);
  }
}
