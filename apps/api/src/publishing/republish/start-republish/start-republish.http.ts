import { Controller, HttpCode, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiAcceptedResponse, ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Ctx, type RequestContext } from '../../../identity';
import { type HttpReply } from '../../../infrastructure/http/http-types';
import { ApiProblems } from '../../../infrastructure/http/openapi/api-responses';
import { RepublishOutcomeSchema } from './republish-outcome.schema';
import { StartRepublishCommand } from './start-republish.command';

@ApiTags('republish')
@ApiBearerAuth()
@Controller('api/integrations')
export class StartRepublishController {
  constructor(private readonly commands: CommandBus) {}

  @Post('republish')
  @HttpCode(202)
  @ApiOperation({
    summary:
      'Republish every integration a breaking dependency update affected (admin of a development ' +
      'environment; asynchronous): follow the Location to see each one',
  })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiAcceptedResponse({
    type: RepublishOutcomeSchema,
    headers: {
      Location: {
        required: true,
        description: 'The run: /api/republish-runs/{runId}',
        schema: { type: 'string' },
      },
    },
  })
  @ApiProblems({
    403: 'AUTH.ADMIN_REQUIRED: the caller does not administer the environment they are logged in to',
    409:
      'ENVIRONMENT.BUILDER_DEVELOPMENT_ONLY (logged in to qa or production), REPUBLISH.IN_PROGRESS ' +
      '(a run of the environment is still running) or REPUBLISH.NOTHING_REQUIRED',
  })
  async republish(@Ctx() context: RequestContext, @Res({ passthrough: true }) reply: HttpReply) {
    const outcome = await this.commands.execute(new StartRepublishCommand(context));
    reply.header('Location', `/api/republish-runs/${outcome.runId}`);
    return outcome;
  }
}
