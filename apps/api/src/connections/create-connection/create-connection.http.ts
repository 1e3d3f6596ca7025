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
import { Type } from 'class-transformer';
import { IsIn, IsOptional, IsString, Length, MaxLength, ValidateNested } from 'class-validator';
import { PROVIDERS, type Provider } from '@ib/domain';
import { Ctx, type RequestContext } from '../../auth/request-context.decorator';
import { type HttpReply } from '../../infrastructure/http/http-types';
import { ConnectionDetailsBody } from '../connection-details.body';
import { ConnectionViews } from '../connection-queries/connection-views';
import { CreateConnectionCommand } from './create-connection.command';

export class CreateConnectionBody {
  @ApiPropertyOptional({ description: 'Defaults to the environment you logged in to' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  environment?: string;

  @ApiProperty({ example: 'Orders DB (dev)' })
  @IsString()
  @Length(1, 100)
  name!: string;

  @ApiProperty({ enum: PROVIDERS })
  @IsIn(PROVIDERS)
  provider!: Provider;

  @ApiProperty({ type: ConnectionDetailsBody })
  @ValidateNested()
  @Type(() => ConnectionDetailsBody)
  details!: ConnectionDetailsBody;

  @ApiPropertyOptional({ description: 'Stored encrypted; never returned' })
  @IsOptional()
  @IsString()
  @MaxLength(1024)
  password?: string;
}

@ApiTags('connections')
@ApiBearerAuth()
@Controller('api/connections')
export class CreateConnectionController {
  constructor(
    private readonly commands: CommandBus,
    private readonly views: ConnectionViews,
  ) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Create a connection (administrators)' })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  async create(
    @Body() body: CreateConnectionBody,
    @Ctx() context: RequestContext,
    @Res({ passthrough: true }) reply: HttpReply,
  ) {
    const environment = body.environment ?? context.user.environment;
    const outcome = await this.commands.execute(
      new CreateConnectionCommand({ ...body, details: { ...body.details }, environment }, context),
    );
    reply.header('Location', `/api/connections/${outcome.connectionId}`);
    return this.views.afterWrite(outcome.connectionId, outcome.position);
  }
}
