import { Body, Controller, HttpCode, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBearerAuth,
  ApiHeader,
  ApiOperation,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { PROVIDERS, type Provider } from '@ib/domain';
import { Ctx, type RequestContext } from '../../auth/request-context.decorator';
import { type HttpReply } from '../../infrastructure/http/http-types';
import { IntegrationViews } from '../integration-queries/integration-views';
import { CreateIntegrationCommand } from './create-integration.command';

export class CreateIntegrationBody {
  @ApiPropertyOptional({
    description: 'Defaults to the environment you logged in to',
    example: 'development',
  })
  @IsOptional()
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
  @IsOptional()
  @IsString()
  @MaxLength(100)
  moduleName?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  description?: string;

  @ApiPropertyOptional({ description: 'Icon as a data URL or a short name' })
  @IsOptional()
  @IsString()
  @MaxLength(100_000)
  icon?: string;
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
    return this.views.afterWrite(outcome.integrationId, outcome.position, reply);
  }
}
