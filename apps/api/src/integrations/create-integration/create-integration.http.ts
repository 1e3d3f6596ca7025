import { Body, Controller, HttpCode, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiHeader,
  ApiOperation,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { IsIn, IsString, MaxLength } from 'class-validator';
import { NULL_POLICIES, type NullPolicy, PROVIDERS, type Provider } from '@ib/domain';
import { Ctx, type RequestContext } from '../../identity';
import { type HttpReply } from '../../infrastructure/http/http-types';
import { ApiProblems, ETAG_HEADER, LOCATION_HEADER } from '../../infrastructure/http/openapi/api-responses';
import { IntegrationSchema } from '../integration-queries/integration.schema';
import { IntegrationViews } from '../integration-queries/integration-views';
import { CreateIntegrationCommand } from './create-integration.command';
import { Omittable } from '../../infrastructure/http/omittable.decorator';

export class CreateIntegrationBody {
  @ApiPropertyOptional({
    description: 'Defaults to the environment you logged in to',
    example: 'development',
  })
  @Omittable()
  @IsString()
  @MaxLength(40)
  environment?: string;

  @ApiProperty({ enum: PROVIDERS })
  @IsIn(PROVIDERS)
  provider!: Provider;

  @ApiProperty({ example: 'Orders' })
  @IsString()
  @MaxLength(100)
  applicationName!: string;

  @ApiPropertyOptional({
    description: 'Service module name; defaults to <applicationName>_IS',
    example: 'Orders_IS',
  })
  @Omittable()
  @IsString()
  @MaxLength(100)
  moduleName?: string;

  @ApiPropertyOptional()
  @Omittable()
  @IsString()
  @MaxLength(2000)
  description?: string;

  @ApiPropertyOptional({ description: 'Icon as a data URL or a short name' })
  @Omittable()
  @IsString()
  @MaxLength(100_000)
  icon?: string;

  @ApiPropertyOptional({
    enum: NULL_POLICIES,
    description: "What the data API does with NULLs (see Integration.nullPolicy); defaults to 'preserve'",
  })
  @Omittable()
  @IsIn(NULL_POLICIES)
  nullPolicy?: NullPolicy;
}

@ApiTags('integrations')
@ApiBearerAuth()
@Controller('api/integrations')
export class CreateIntegrationController {
  constructor(
    private readonly commands: CommandBus,
    private readonly views: IntegrationViews,
  ) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Create an integration (a draft) in a development environment' })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiCreatedResponse({ type: IntegrationSchema, headers: { ...LOCATION_HEADER, ...ETAG_HEADER } })
  @ApiProblems({
    400: 'INTEGRATION.INVALID or a missing or invalid field',
    403: 'AUTH.NO_ACCESS_TO_ENVIRONMENT: the caller holds no role in the environment',
    409: 'ENVIRONMENT.BUILDER_DEVELOPMENT_ONLY: integrations are built in a development environment; IDEMPOTENCY.IN_PROGRESS: the same request still runs (Retry-After)',
    422: 'IDEMPOTENCY.KEY_REUSED: the Idempotency-Key came with another body',
  })
  async create(
    @Body() body: CreateIntegrationBody,
    @Ctx() context: RequestContext,
    @Res({ passthrough: true }) reply: HttpReply,
  ) {
    const environment = body.environment ?? context.user.environment;
    const outcome = await this.commands.execute(
      new CreateIntegrationCommand({ ...body, environment }, context),
    );
    reply.header('Location', `/api/integrations/${outcome.integrationId}`);
    return this.views.afterWrite(outcome.integrationId, outcome, reply);
  }
}
