import { Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { authorize, Ctx, type RequestContext } from '../../identity';
import { ApiProblems } from '../../infrastructure/http/openapi/api-responses';
import { ViewReplay, type ViewReplayReport } from '../../read-model';
import { ReplaySchema } from './replay.schema';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('api/audit/replay')
export class ReplayController {
  constructor(private readonly replay: ViewReplay) {}

  /**
   * For owners, as a rebuild is (operations.rebuild): it costs what rebuilding every view costs, holds
   * the projections while the live rows are copied, and shows rows of every environment, where an
   * auditor reads only theirs.
   */
  @Post()
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Replay the log into a copy of every view and compare each with the live view, swapping nothing (owners)',
  })
  @ApiOkResponse({ type: ReplaySchema, description: 'Each view, equal or with its first differing rows' })
  @ApiProblems({
    403: 'AUTH.OWNER_REQUIRED: for owners of the installation',
    409:
      'AUDIT.REPLAY_RUNNING: a replay is running; PROJECTION.RUNS_ELSEWHERE: another instance runs the ' +
      'projections (it holds their lease): replay there',
    503: 'READ_MODEL.UNAVAILABLE or EVENT_STORE.UNAVAILABLE: the read model or the log cannot be read now',
  })
  run(@Ctx() context: RequestContext): Promise<ViewReplayReport> {
    authorize(context.user, 'operations.rebuild');
    return this.replay.replay();
  }
}
