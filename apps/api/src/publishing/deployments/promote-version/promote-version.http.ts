import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
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
import { IsInt, IsString, Matches, Min } from 'class-validator';
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
import { PromoteVersionCommand } from './promote-version.command';

export class DeployVersionBody extends GateOverrideBody {
  @ApiProperty({ type: 'integer', minimum: 1, example: 1 })
  @IsInt()
  @Min(1)
  version!: number;

  @ApiProperty({ example: 'qa' })
  @IsString()
  @Matches(/^[a-z][a-z0-9-]{0,39}$/, { message: 'environment must be an environment name' })
  environment!: string;
}

@ApiTags('deployments')
@ApiBearerAuth()
@Controller('api/integrations')
export class PromoteVersionController {
  constructor(
    private readonly commands: CommandBus,
    private readonly fourEyes: FourEyes,
    private readonly checks: DeploymentChangeChecks,
  ) {}

  @Post(':id/deployments')
  @HttpCode(200)
  @ApiOperation({ summary: 'Promote a published version to a qa or production environment (admin there)' })
  @ApiHeader({ name: 'If-Match', required: false, description: 'The streamVersion last seen' })
  @ApiParam({ name: 'id', format: 'uuid', description: 'The integration id' })
  @ApiOkResponse({ type: DeploymentSchema, headers: ETAG_HEADER })
  @ApiAcceptedResponse(PENDING_CHANGE_RESPONSE)
  @ApiProblems({
    400: 'Invalid version or environment name; force without a reason',
    403: 'AUTH.ADMIN_REQUIRED: the caller does not administer the target environment',
    404: 'INTEGRATION.NOT_FOUND: unknown, or of an environment the caller has no role in; ENVIRONMENT.NOT_FOUND',
    412: "PRECONDITION_FAILED: If-Match names another version of the integration's deployments",
  })
  @ApiGateConflict(
    "PROMOTION.SCHEMA_MISMATCH (the bound connection's database does not match the version: `differences` " +
      'lists each one; force with a reason overrides it), PROMOTION.CONNECTION_TEST_FAILED (the bound ' +
      'connection failed its test), DEPLOYMENT.PROMOTION_TARGET (a development environment), ' +
      'DEPLOYMENT.VERSION_NOT_PUBLISHED, or EVENT_STORE.WRONG_EXPECTED_VERSION (changed concurrently)',
  )
  async promote(
    @Param('id', ParseUUIDPipe) integrationId: string,
    @Body() body: DeployVersionBody,
    @Ctx() context: RequestContext,
    @Res({ passthrough: true }) reply: HttpReply,
  ) {
    const { version, environment, force, reason } = body;
    const { integrationName } = await this.checks.promote(
      integrationId,
      { version, environment, force, reason },
      context,
    );
    const pending = await this.fourEyes.intercept(
      context,
      environment,
      { kind: 'promote', integrationId, body: { ...body } },
      { summary: `Promote version ${version} of ${integrationName} to ${environment}` },
    );
    if (pending) return pendingAnswer(reply, pending);
    const outcome = await this.commands.execute(
      new PromoteVersionCommand(integrationId, { version, environment, force, reason }, context),
    );
    setEtag(reply, outcome.version);
    return deploymentAnswer(integrationId, environment, outcome);
  }
}
