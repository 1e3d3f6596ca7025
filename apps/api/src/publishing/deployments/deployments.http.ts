import { Body, Controller, HttpCode, Inject, Param, ParseUUIDPipe, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsInt, IsString, IsUUID, Matches, Min } from 'class-validator';
import {
  IllegalStateError,
  NotFoundError,
  connectionDecider,
  connectionStreamId,
  deploymentDecider,
  deploymentIn,
  integrationDecider,
  integrationDeploymentsStreamId,
  integrationStreamId,
} from '@ib/domain';
import {
  type AuthenticatedUser,
  allows,
  authorize,
  Ctx,
  type RequestContext,
  EnvironmentAccess,
} from '../../identity';
import { CLOCK, type Clock } from '../../infrastructure/clock';
import { CommandRunner } from '../../infrastructure/command-handling/command-runner';
import { ApiProblems } from '../../infrastructure/http/openapi/api-responses';
import { PublicationIndex } from '../publications/publication-index';
import { DeploymentSchema } from './deployment.schema';

const INTEGRATION_NOT_FOUND =
  'INTEGRATION.NOT_FOUND: unknown, or of an environment the caller has no role in';

export class DeployVersionBody {
  @ApiProperty({ type: 'integer', minimum: 1, example: 1 })
  @IsInt()
  @Min(1)
  version!: number;

  @ApiProperty({ example: 'qa' })
  @IsString()
  @Matches(/^[a-z][a-z0-9-]{0,39}$/, { message: 'environment must be an environment name' })
  environment!: string;
}

export class BindConnectionBody {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  connectionId!: string;
}

/** Promotion of published versions to qa/production and the connection that serves each environment. */
@ApiTags('deployments')
@ApiBearerAuth()
@Controller('api')
export class DeploymentsController {
  constructor(
    private readonly runner: CommandRunner,
    private readonly environments: EnvironmentAccess,
    private readonly index: PublicationIndex,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** An integration the caller may not read does not exist for them, whatever they administer. */
  private async integration(integrationId: string, user: AuthenticatedUser) {
    const { state } = await this.runner.load(integrationStreamId(integrationId), integrationDecider);
    if (state.status === 'none' || !allows(user, 'integration.read', state.environment))
      throw new NotFoundError('INTEGRATION.NOT_FOUND', `Integration ${integrationId} does not exist`);
    return state;
  }

  @Post('integrations/:id/deployments')
  @HttpCode(200)
  @ApiOperation({ summary: 'Promote a published version to a qa or production environment (admin there)' })
  @ApiParam({ name: 'id', format: 'uuid', description: 'The integration id' })
  @ApiOkResponse({ type: DeploymentSchema })
  @ApiProblems({
    400: 'Invalid version or environment name',
    403: 'AUTH.ADMIN_REQUIRED: the caller does not administer the target environment',
    404: `${INTEGRATION_NOT_FOUND}; ENVIRONMENT.NOT_FOUND`,
    409:
      'DEPLOYMENT.PROMOTION_TARGET (a development environment), DEPLOYMENT.VERSION_NOT_PUBLISHED, ' +
      'or EVENT_STORE.WRONG_EXPECTED_VERSION (changed concurrently)',
  })
  async deploy(
    @Param('id', ParseUUIDPipe) integrationId: string,
    @Body() body: DeployVersionBody,
    @Ctx() context: RequestContext,
  ) {
    await this.integration(integrationId, context.user);
    authorize(context.user, 'deployment.promote', body.environment);
    const environmentKind = await this.environments.kindOf(body.environment);
    if (environmentKind === 'development')
      throw new IllegalStateError(
        'DEPLOYMENT.PROMOTION_TARGET',
        `Versions are promoted to qa or production; '${body.environment}' is a development environment`,
      );
    const streamId = integrationDeploymentsStreamId(integrationId);
    const published = (await this.index.publicationsOf(integrationId)).filter(
      (entry) => entry.status === 'published',
    );
    const outcome = await this.runner.run(
      streamId,
      deploymentDecider,
      {
        type: 'DeployVersion',
        data: {
          integrationId,
          version: body.version,
          environment: body.environment,
          environmentKind,
          publishedVersions: published.map((entry) => entry.version),
          builtAgainst: published.find((entry) => entry.version === body.version)?.dependencies ?? [],
        },
        metadata: { actorId: context.user.id, now: this.clock.now() },
      },
      { actor: context.actor, environment: body.environment },
    );
    const { state } = await this.runner.load(streamId, deploymentDecider);
    return {
      integrationId,
      environment: body.environment,
      ...deploymentIn(state, body.environment),
      streamVersion: outcome.version,
    };
  }

  @Put('environments/:env/integrations/:id/connection')
  @ApiOperation({
    summary: 'Bind the connection that serves the integration in an environment (admin there)',
  })
  @ApiParam({ name: 'env', description: 'The environment the connection serves it in', example: 'qa' })
  @ApiParam({ name: 'id', format: 'uuid', description: 'The integration id' })
  @ApiOkResponse({ type: DeploymentSchema })
  @ApiProblems({
    400: 'Invalid connectionId',
    403: 'AUTH.ADMIN_REQUIRED: the caller does not administer the environment',
    404: `${INTEGRATION_NOT_FOUND}; CONNECTION.NOT_FOUND (unknown or deleted)`,
    409:
      'DEPLOYMENT.NOT_DEPLOYED (no version deployed there), DEPLOYMENT.PROVIDER_MISMATCH, ' +
      'DEPLOYMENT.CONNECTION_ENVIRONMENT_MISMATCH, or EVENT_STORE.WRONG_EXPECTED_VERSION',
  })
  async bind(
    @Param('env') environment: string,
    @Param('id', ParseUUIDPipe) integrationId: string,
    @Body() body: BindConnectionBody,
    @Ctx() context: RequestContext,
  ) {
    const integration = await this.integration(integrationId, context.user);
    authorize(context.user, 'deployment.bind', environment);
    const { state: connection } = await this.runner.load(
      connectionStreamId(body.connectionId),
      connectionDecider,
    );
    if (connection.status !== 'active')
      throw new NotFoundError('CONNECTION.NOT_FOUND', `Connection ${body.connectionId} does not exist`);
    const streamId = integrationDeploymentsStreamId(integrationId);
    const outcome = await this.runner.run(
      streamId,
      deploymentDecider,
      {
        type: 'BindConnection',
        data: {
          integrationId,
          environment,
          connectionId: body.connectionId,
          connectionProvider: connection.provider,
          connectionEnvironment: connection.environment,
          integrationProvider: integration.provider,
        },
        metadata: { actorId: context.user.id, now: this.clock.now() },
      },
      { actor: context.actor, environment },
    );
    const { state } = await this.runner.load(streamId, deploymentDecider);
    return {
      integrationId,
      environment,
      ...deploymentIn(state, environment),
      streamVersion: outcome.version,
    };
  }
}
