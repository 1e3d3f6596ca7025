import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/public.decorator';
import { EVENT_STORE, type EventStore } from '../infrastructure/event-store/event-store.port';
import { type HttpReply } from '../infrastructure/http/http-types';
import { ProjectionRunner } from '../infrastructure/read-model/projection-runner';

@ApiTags('health')
@Controller()
export class HealthController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly projections: ProjectionRunner,
  ) {}

  @Public()
  @Get('health')
  @ApiOperation({ summary: 'Liveness: the process answers' })
  health() {
    return { status: 'ok' };
  }

  @Public()
  @Get('ready')
  @ApiOperation({ summary: 'Readiness: the event store answers and projections run' })
  async ready(@Res({ passthrough: true }) reply: HttpReply) {
    try {
      const head = await this.store.headPosition();
      const projections = await this.projections.status();
      return { status: 'ready', head, projections };
    } catch {
      reply.status(503);
      reply.header('Retry-After', '5');
      return { status: 'unavailable' };
    }
  }
}
