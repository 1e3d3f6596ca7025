import { Body, Controller, Param, Put, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiProperty,
  ApiTags,
} from '@nestjs/swagger';
import { IsBoolean } from 'class-validator';
import { Ctx, EnvironmentSchema, EnvironmentViews, type RequestContext } from '../../identity';
import { type HttpReply } from '../../infrastructure/http/http-types';
import { ApiProblems } from '../../infrastructure/http/openapi/api-responses';
import { pendingAnswer } from '../four-eyes/four-eyes';
import { PENDING_CHANGE_RESPONSE } from '../four-eyes/pending-change.schema';
import { ChangeEnvironmentPolicyCommand } from './change-environment-policy.command';

export class EnvironmentPolicyBody {
  @ApiProperty({ description: 'Whether changes there need a second administrator' })
  @IsBoolean()
  fourEyes!: boolean;
}

@ApiTags('environments')
@ApiBearerAuth()
@Controller('api/environments')
export class EnvironmentPolicyController {
  constructor(
    private readonly commands: CommandBus,
    private readonly environments: EnvironmentViews,
  ) {}

  @Put(':env/policy')
  @ApiOperation({
    summary:
      "Set the environment's policy (administrators there): four-eyes on applies at once; off, where it " +
      'is on, is a change request another administrator approves',
  })
  @ApiParam({ name: 'env', description: 'The environment name', example: 'production' })
  @ApiOkResponse({ type: EnvironmentSchema, description: 'The environment with its policy' })
  @ApiAcceptedResponse(PENDING_CHANGE_RESPONSE)
  @ApiProblems({
    400: 'fourEyes missing or not a boolean',
    403: 'AUTH.ADMIN_REQUIRED: administrators of the environment set its policy',
    404: 'ENVIRONMENT.NOT_FOUND: no such environment, or one the caller holds no role in',
  })
  async set(
    @Param('env') environment: string,
    @Body() body: EnvironmentPolicyBody,
    @Ctx() context: RequestContext,
    @Res({ passthrough: true }) reply: HttpReply,
  ) {
    const result = await this.commands.execute(
      new ChangeEnvironmentPolicyCommand(environment, body.fourEyes, context),
    );
    if ('pending' in result) return pendingAnswer(reply, result.pending);
    return this.environments.afterWrite(environment, result.changed.position);
  }
}
