import { Body, Controller, Param, ParseUUIDPipe, Put, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiProperty,
  ApiTags,
} from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { FourEyes, PENDING_CHANGE_RESPONSE, pendingAnswer } from '../../../governance';
import { Ctx, type RequestContext } from '../../../identity';
import { setEtag } from '../../../infrastructure/http/etag';
import { type HttpReply } from '../../../infrastructure/http/http-types';
import { ApiProblems, ETAG_HEADER } from '../../../infrastructure/http/openapi/api-responses';
import { deploymentAnswer } from '../deployment-answer';
import { GateOverrideBody } from '../promotion-gate/gate-override.body';
import { ApiGateConflict } from '../promotion-gate/schema-mismatch-problem.schema';
import { DeploymentSchema } from '../deployment.schema';
import { DeploymentChangeChecks } from '../four-eyes/deployment-change-checks';
import { BindConnectionCommand } from './bind-connection.command';

export class BindConnectionBody extends GateOverrideBody {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  connectionId!: string;
}

@ApiTags('deployments')
@ApiBearerAuth()
@Controller('api/environments')
export class BindConnectionController {
  constructor(
    private readonly commands: CommandBus,
    private readonly fourEyes: FourEyes,
    private readonly checks: DeploymentChangeChecks,
  ) {}

  @Put(':env/integrations/:id/connection')
  @ApiOperation({
    summary: 'Bind the connection that serves the integration in an environment (admin there)',
  })
  @ApiHeader({ name: 'If-Match', required: false, description: 'The streamVersion last seen' })
  @ApiParam({ name: 'env', description: 'The environment the connection serves it in', example: 'qa' })
  @ApiParam({ name: 'id', format: 'uuid', description: 'The integration id' })
  @ApiOkResponse({ type: DeploymentSchema, headers: ETAG_HEADER })
  @ApiAcceptedResponse(PENDING_CHANGE_RESPONSE)
  @ApiProblems({
    400: 'Invalid connectionId; force without a reason',
    403: 'AUTH.ADMIN_REQUIRED: the caller does not administer the environment',
    404:
      'INTEGRATION.NOT_FOUND: unknown, or of an environment the caller has no role in; ' +
      'CONNECTION.NOT_FOUND (unknown or deleted)',
    412: "PRECONDITION_FAILED: If-Match names another version of the integration's deployments",
  })
  @ApiGateConflict(
    "PROMOTION.SCHEMA_MISMATCH (the connection's database does not match the deployed version: " +
      '`differences` lists each one; force with a reason overrides it), PROMOTION.CONNECTION_TEST_FAILED, ' +
      'DEPLOYMENT.NOT_DEPLOYED (no version deployed there), DEPLOYMENT.PROVIDER_MISMATCH, ' +
      'DEPLOYMENT.CONNECTION_ENVIRONMENT_MISMATCH, or EVENT_STORE.WRONG_EXPECTED_VERSION',
  )
  async bind(
    @Param('env') environment: string,
    @Param('id', ParseUUIDPipe) integrationId: string,
    @Body() body: BindConnectionBody,
    @Ctx() context: RequestContext,
    @Res({ passthrough: true }) reply: HttpReply,
  ) {
    const { integrationName } = await this.checks.bind(
      integrationId,
      environment,
      body.connectionId,
      context,
      { force: body.force, reason: body.reason },
    );
    const pending = await this.fourEyes.intercept(
      context,
      environment,
      { kind: 'bind', integrationId, body: { ...body } },
      { summary: `Bind a connection to ${integrationName} in ${environment}` },
    );
    if (pending) return pendingAnswer(reply, pending);
    const outcome = await this.commands.execute(
      new BindConnectionCommand(integrationId, environment, body.connectionId, context, {
        force: body.force,
        reason: body.reason,
      }),
    );
    setEtag(reply, outcome.version);
    return deploymentAnswer(integrationId, environment, outcome);
  }
}
