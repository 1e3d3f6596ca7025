import { Controller, Get, HttpCode, Logger, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { NotFoundError } from '@ib/domain';
import { isAdminAnywhere } from '../auth/authenticated-user';
import { Ctx, type RequestContext } from '../auth/request-context.decorator';
import { HttpProblem } from '../infrastructure/http/http-problem';
import { ProjectionRunner } from '../infrastructure/read-model/projection-runner';

@ApiTags('projections')
@ApiBearerAuth()
@Controller('api/projections')
export class ProjectionsStatusController {
  private readonly logger = new Logger('Projections');

  constructor(private readonly projections: ProjectionRunner) {}

  @Get()
  @ApiOperation({ summary: 'Each projection’s checkpoint, the event store head and the lag between them' })
  async status() {
    const items = await this.projections.status();
    return { items, total: items.length };
  }

  @Post(':name/rebuild')
  @HttpCode(202)
  @ApiOperation({
    summary:
      'Rebuild a projection from position 0 while the API keeps serving its current rows (administrators)',
  })
  async rebuild(@Param('name') name: string, @Ctx() context: RequestContext) {
    if (!isAdminAnywhere(context.user))
      throw HttpProblem.forbidden('Only administrators rebuild projections', 'AUTH.ADMIN_REQUIRED');
    const known = (await this.projections.status()).some((projection) => projection.name === name);
    if (!known) throw new NotFoundError('PROJECTION.NOT_FOUND', `There is no projection named '${name}'`);
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
