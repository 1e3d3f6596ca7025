import { Body, Controller, HttpCode, Inject, Param, ParseUUIDPipe, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
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
import { assertAdminOf } from '../auth/authenticated-user';
import { Ctx, type RequestContext } from '../auth/request-context.decorator';
import { EnvironmentAccess } from '../environments/environment-access/environment-access';
import { CLOCK, type Clock } from '../infrastructure/clock';
import { CommandRunner } from '../infrastructure/command-handling/command-runner';
import { PublicationIndex } from '../publications/publication-index';

export class DeployVersionBody {
  @ApiProperty({ example: 1 })
  @IsInt()
  @Min(1)
  version!: number;

  @ApiProperty({ example: 'qa' })
  @IsString()
  @Matches(/^[a-z][a-z0-9-]{0,39}$/, { message: 'environment must be an environment name' })
  environment!: string;
}

export class BindConnectionBody {
  @ApiProperty()
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

  private async integration(integrationId: string) {
    const { state } = await this.runner.load(integrationStreamId(integrationId), integrationDecider);
    if (state.status === 'none')
      throw new NotFoundError('INTEGRATION.NOT_FOUND', `Integration ${integrationId} does not exist`);
    return state;
  }

  @Post('integrations/:id/deployments')
  @HttpCode(200)
  @ApiOperation({ summary: 'Promote a published version to a qa or production environment (admin there)' })
  async deploy(
    @Param('id', ParseUUIDPipe) integrationId: string,
    @Body() body: DeployVersionBody,
    @Ctx() context: RequestContext,
  ) {
    assertAdminOf(context.user, body.environment);
    await this.integration(integrationId);
    const environmentKind = await this.environments.kindOf(body.environment);
    if (environmentKind === 'development')
      throw new IllegalStateError(
        'DEPLOYMENT.PROMOTION_TARGET',
        `Versions are promoted to qa or production; '${body.environment}' is a development environment`,
      );
    const streamId = integrationDeploymentsStreamId(integrationId);
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
          publishedVersions: await this.index.publishedVersions(integrationId),
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
  async bind(
    @Param('env') environment: string,
    @Param('id', ParseUUIDPipe) integrationId: string,
    @Body() body: BindConnectionBody,
    @Ctx() context: RequestContext,
  ) {
    assertAdminOf(context.user, environment);
    const integration = await this.integration(integrationId);
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
