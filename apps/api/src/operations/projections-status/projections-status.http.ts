import { Controller, Get, HttpCode, Logger, Param, Post, Query } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiExtraModels,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiQuery,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import { ConcurrencyError, NotFoundError, ValidationError } from '@ib/domain';
import { authorize, Ctx, type RequestContext } from '../../identity';
import { ApiProblems } from '../../infrastructure/http/openapi/api-responses';
import { AuditChainMonitor } from '../../infrastructure/audit-chain/audit-chain-monitor';
import { ProcessManagerRunner } from '../../infrastructure/process-managers/process-manager-runner';
import { ProjectionRunner } from '../../infrastructure/read-model/projection-runner';
import { BackgroundJobs } from '../../infrastructure/leases/background-jobs';
import {
  JobLeaseSchema,
  ProcessManagerStatusSchema,
  ProjectionRebuildSchema,
  ProjectionStatusSchema,
} from './projection-status.schema';

@ApiTags('projections')
@ApiBearerAuth()
@Controller('api/projections')
export class ProjectionsStatusController {
  private readonly logger = new Logger('Projections');

  constructor(
    private readonly projections: ProjectionRunner,
    private readonly processes: ProcessManagerRunner,
    private readonly jobs: BackgroundJobs,
    private readonly chain: AuditChainMonitor,
  ) {}

  @Get()
  @ApiOperation({
    summary:
      'Each projection’s checkpoint, the event store head and the lag between them, and the same of ' +
      'each process manager (owners)',
  })
  @ApiExtraModels(ProjectionStatusSchema, ProcessManagerStatusSchema, JobLeaseSchema)
  @ApiOkResponse({
    description: 'The projections (views, which can be rebuilt) and the process managers',
    schema: {
      type: 'object',
      required: ['items', 'total', 'processes', 'instance', 'leases'],
      properties: {
        items: { type: 'array', items: { $ref: getSchemaPath(ProjectionStatusSchema) } },
        total: { type: 'integer', minimum: 0 },
        processes: {
          type: 'array',
          description: 'The process managers and reactors, each fed from its own checkpoint',
          items: { $ref: getSchemaPath(ProcessManagerStatusSchema) },
        },
        instance: {
          type: 'string',
          description: 'INSTANCE_ID of the instance that answered',
          example: 'api-a',
        },
        leases: {
          type: 'array',
          description:
            'Which instance runs each background job, under a lease another takes over when it lapses',
          items: { $ref: getSchemaPath(JobLeaseSchema) },
        },
      },
    },
  })
  @ApiProblems({ 403: 'AUTH.OWNER_REQUIRED: for owners of the installation' })
  async status(@Ctx() context: RequestContext) {
    authorize(context.user, 'operations.read');
    const [items, processes, leases] = await Promise.all([
      this.projections.status(),
      this.processes.status(),
      this.jobs.status(),
    ]);
    const holder = leases.find(({ job }) => job === 'process-managers')?.holder;
    return {
      items,
      total: items.length,
      processes: processes.map((process) => ({ ...process, ...(holder ? { holder } : {}) })),
      instance: this.jobs.instanceId,
      leases,
    };
  }

  @Post(':name/rebuild')
  @HttpCode(202)
  @ApiOperation({
    summary: 'Rebuild a projection from position 0 while the API keeps serving its current rows (owners)',
  })
  @ApiParam({ name: 'name', description: 'The projection name', example: 'integrations' })
  @ApiAcceptedResponse({ type: ProjectionRebuildSchema, description: 'The rebuild started' })
  @ApiProblems({
    400: 'REQUEST.INVALID_QUERY: force is neither true nor false',
    403: 'AUTH.OWNER_REQUIRED: for owners of the installation',
    404: 'PROJECTION.NOT_FOUND: no projection has this name',
    409:
      'PROJECTION.RUNS_ELSEWHERE: another instance runs the projections (it holds their lease); ' +
      'AUDIT.CHAIN_BROKEN: a stored event was altered, so a rebuild would adopt it (unless `force=true`)',
  })
  @ApiQuery({
    name: 'force',
    required: false,
    type: Boolean,
    description: 'Rebuild even though the audit chain is broken (the altered events are adopted)',
  })
  async rebuild(
    @Param('name') name: string,
    @Ctx() context: RequestContext,
    @Query('force') force?: string,
  ): Promise<ProjectionRebuildSchema> {
    authorize(context.user, 'operations.rebuild');
    if (force !== undefined && force !== 'true' && force !== 'false')
      throw new ValidationError('REQUEST.INVALID_QUERY', 'force must be true or false', [
        { field: 'force', message: 'must be true or false' },
      ]);
    const mismatch = this.chain.brokenAt();
    if (mismatch && force !== 'true')
      throw new ConcurrencyError(
        'AUDIT.CHAIN_BROKEN',
        `The stored event at position ${mismatch.position} was altered (${mismatch.kind}): a rebuild would ` +
          'adopt it. Restore the log, or rebuild with force=true',
      );
    const known = (await this.projections.status()).some((projection) => projection.name === name);
    if (!known) throw new NotFoundError('PROJECTION.NOT_FOUND', `There is no projection named '${name}'`);
    const holder = (await this.jobs.status()).find(({ job }) => job === 'projections');
    if (!this.projections.isRunning)
      throw new ConcurrencyError(
        'PROJECTION.RUNS_ELSEWHERE',
        `The projections run on ${holder?.holder ?? 'another instance'}: ask that instance to rebuild`,
      );
    this.projections.rebuild(name).then(
      () => this.logger.log(`Rebuilt ${name}`),
      (error: unknown) =>
        this.logger.error(
          `Rebuild of ${name} failed: ${error instanceof Error ? error.message : String(error)}`,
        ),
    );
    return { name, status: 'rebuilding' };
  }
}
