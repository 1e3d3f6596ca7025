import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG } from '../../config/app-config.provider';
import { type AppConfig } from '../../config/app-config';
import { ProjectionRunner } from '../read-model/projection-runner';

/** Lets a write answer with the state it produced: waits (briefly) for projections to pass its position. */
@Injectable()
export class ReadYourWrites {
  private readonly logger = new Logger(ReadYourWrites.name);

  constructor(
    private readonly projections: ProjectionRunner,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async after(position: number): Promise<void> {
    if (position <= 0) return;
    const caughtUp = await this.projections.waitFor(position, this.config.readYourWritesTimeoutMs);
    if (!caughtUp)
      this.logger.warn(
        `Read model still behind position ${position}; answering with the last projected state`,
      );
  }
}
