import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { Public } from '../../identity';
import { EVENT_STORE, type EventStore } from '../../infrastructure/event-store/event-store.port';
import { type HttpReply } from '../../infrastructure/http/http-types';
import { AuditChainMonitor } from '../../infrastructure/audit-chain/audit-chain-monitor';
import { ProcessManagerRunner } from '../../infrastructure/process-managers/process-manager-runner';
import { ProjectionRunner } from '../../infrastructure/read-model/projection-runner';
import { HealthSchema, ReadinessSchema } from './health.schema';

@ApiTags('health')
@Controller()
export class HealthController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly projections: ProjectionRunner,
    private readonly processes: ProcessManagerRunner,
    private readonly chain: AuditChainMonitor,
  ) {}

  @Public()
  @Get('health')
  @ApiOperation({ summary: 'Liveness: the process answers' })
  @ApiOkResponse({ type: HealthSchema })
  health(): HealthSchema {
    return { status: 'ok' };
  }

  @Public()
  @Get('ready')
  @ApiOperation({
    summary:
      'Readiness: the event store answers and projections run (positions: GET /api/projections); ' +
      'background jobs that keep failing are named in `degraded` without making the API unready, ' +
      'and a broken audit chain (an altered stored event) in `auditChain`',
  })
  @ApiOkResponse({ type: ReadinessSchema, description: 'Ready: `status` is `ready`' })
  @ApiServiceUnavailableResponse({
    type: ReadinessSchema,
    description: 'Not ready: `status` is `unavailable`; Retry-After says when to ask again',
    headers: { 'Retry-After': { description: 'Seconds', schema: { type: 'string', example: '5' } } },
  })
  async ready(@Res({ passthrough: true }) reply: HttpReply): Promise<ReadinessSchema> {
    try {
      // Asked to prove both answer; what they answer is for owners only (GET /api/projections).
      await this.store.headPosition();
      await this.projections.status();
      const degraded = [...this.processes.retrying()];
      const mismatch = this.chain.brokenAt();
      if (mismatch && !degraded.includes('audit-chain')) degraded.push('audit-chain');
      return {
        status: 'ready',
        ...(degraded.length > 0 ? { degraded } : {}),
        ...(mismatch
          ? { auditChain: { state: 'broken', position: mismatch.position, kind: mismatch.kind } }
          : {}),
      };
    } catch {
      reply.status(503);
      reply.header('Retry-After', '5');
      return { status: 'unavailable' };
    }
  }
}
