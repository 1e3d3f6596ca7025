import { Controller, Delete, Param, ParseUUIDPipe, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { FourEyes, PENDING_CHANGE_RESPONSE, pendingAnswer } from '../../../governance';
import { Ctx, type RequestContext } from '../../../identity';
import { setEtag } from '../../../infrastructure/http/etag';
import { type HttpReply } from '../../../infrastructure/http/http-types';
import { ApiProblems, ETAG_HEADER } from '../../../infrastructure/http/openapi/api-responses';
import { deploymentAnswer } from '../deployment-answer';
import { DeploymentChangeChecks } from '../four-eyes/deployment-change-checks';
import { interceptUnbind } from '../four-eyes/unbind-interception';
import { DeploymentSchema } from '../deployment.schema';
import { UnbindConnectionCommand } from './unbind-connection.command';

@ApiTags('deployments')
@ApiBearerAuth()
@Controller('api/environments')
export class UnbindConnectionController {
  constructor(
    private readonly commands: CommandBus,
    private readonly fourEyes: FourEyes,
    private readonly checks: DeploymentChangeChecks,
  ) {}

  @Delete(':env/integrations/:id/connection')
  @ApiOperation({
    summary:
      'Unbind the connection that serves the integration in an environment (admin there): its data API ' +
      'answers as if none was ever bound',
  })
  @ApiHeader({ name: 'If-Match', required: false, description: 'The streamVersion last seen' })
  @ApiParam({ name: 'env', description: 'The environment the connection serves it in', example: 'qa' })
  @ApiParam({ name: 'id', format: 'uuid', description: 'The integration id' })
  @ApiOkResponse({ type: DeploymentSchema, headers: ETAG_HEADER, description: 'The deployment, unbound' })
  @ApiAcceptedResponse(PENDING_CHANGE_RESPONSE)
  @ApiProblems({
    400: 'The id is not a UUID',
    403: 'AUTH.ADMIN_REQUIRED: the caller does not administer the environment',
    404: 'INTEGRATION.NOT_FOUND: unknown, or of an environment the caller has no role in',
    409:
      'DEPLOYMENT.NOT_BOUND (no connection serves it there), or EVENT_STORE.WRONG_EXPECTED_VERSION ' +
      '(changed concurrently)',
    412: "PRECONDITION_FAILED: If-Match names another version of the integration's deployments",
  })
  async unbind(
    @Param('env') environment: string,
    @Param('id', ParseUUIDPipe) integrationId: string,
    @Ctx() context: RequestContext,
    @Res({ passthrough: true }) reply: HttpReply,
  ) {
    const pending = await interceptUnbind(this.fourEyes, this.checks, context, environment, integrationId);
    if (pending) return pendingAnswer(reply, pending);
    const outcome = await this.commands.execute(
      new UnbindConnectionCommand(integrationId, environment, context),
    );
    setEtag(reply, outcome.version);
    return deploymentAnswer(integrationId, environment, outcome);
  }
}
