import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Ctx, type RequestContext } from '../../../identity';
import { ApiProblems } from '../../../infrastructure/http/openapi/api-responses';
import { EnvironmentDriftCheckSchema } from './drift-check.schema';
import { RunDriftCheckCommand } from './run-drift-check.command';

@ApiTags('schema drift')
@ApiBearerAuth()
@Controller('api/environments')
export class RunDriftCheckController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':env/drift-checks')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Compare every integration deployed in the environment with its live database now (admins there): ' +
      'drift found or resolved is recorded, and each integration answered with what was found',
  })
  @ApiParam({ name: 'env', description: 'The environment name', example: 'qa' })
  @ApiOkResponse({ type: EnvironmentDriftCheckSchema })
  @ApiProblems({
    403: 'AUTH.ADMIN_REQUIRED: the caller does not administer the environment',
    404: 'ENVIRONMENT.NOT_FOUND',
  })
  check(@Param('env') environment: string, @Ctx() context: RequestContext) {
    return this.commands.execute(new RunDriftCheckCommand(environment, context));
  }
}
