import { Body, Controller, HttpCode, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiHeader,
  ApiOperation,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsString, Length, MaxLength, ValidateNested } from 'class-validator';
import { PROVIDERS, type Provider } from '@ib/domain';
import { FourEyes, PENDING_CHANGE_RESPONSE, pendingAnswer } from '../../governance';
import { Ctx, type RequestContext } from '../../identity';
import { type HttpReply } from '../../infrastructure/http/http-types';
import { ApiProblems, ETAG_HEADER, LOCATION_HEADER } from '../../infrastructure/http/openapi/api-responses';
import { ConnectionDetailsBody } from '../connection-details.body';
import { ConnectionSchema } from '../connection-queries/connection.schema';
import { ConnectionViews } from '../connection-queries/connection-views';
import { ConnectionChangeChecks } from '../four-eyes/connection-change-checks';
import { CreateConnectionCommand } from './create-connection.command';
import { Omittable } from '../../infrastructure/http/omittable.decorator';

export class CreateConnectionBody {
  @ApiPropertyOptional({ description: 'Defaults to the environment you logged in to' })
  @Omittable()
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
  @Omittable()
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
    private readonly fourEyes: FourEyes,
    private readonly checks: ConnectionChangeChecks,
  ) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Create a connection (administrators)' })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiCreatedResponse({ type: ConnectionSchema, headers: { ...LOCATION_HEADER, ...ETAG_HEADER } })
  @ApiAcceptedResponse(PENDING_CHANGE_RESPONSE)
  @ApiProblems({
    400: 'CONNECTION.INVALID (a SQLite path outside the databases folder, details the provider needs) or a missing or invalid field',
    403: 'AUTH.ADMIN_REQUIRED: administrators of the environment create connections (others request them)',
    409: 'IDEMPOTENCY.IN_PROGRESS: the same request still runs (Retry-After)',
    422: 'IDEMPOTENCY.KEY_REUSED: the Idempotency-Key came with another body',
    503: 'STORAGE.UNAVAILABLE: the secret store cannot keep the password now; nothing was stored (Retry-After)',
  })
  async create(
    @Body() body: CreateConnectionBody,
    @Ctx() context: RequestContext,
    @Res({ passthrough: true }) reply: HttpReply,
  ) {
    const environment = body.environment ?? context.user.environment;
    const input = { ...body, details: { ...body.details }, environment };
    this.checks.create(input, context);
    const { password, ...connection } = input;
    const pending = await this.fourEyes.intercept(
      context,
      environment,
      {
        kind: 'create-connection',
        connection: { name: connection.name, provider: connection.provider, details: connection.details },
      },
      {
        summary: `Create the ${body.provider} connection "${body.name}" in ${environment}`,
        ...(password === undefined ? {} : { secret: password }),
      },
    );
    if (pending) return pendingAnswer(reply, pending);
    const outcome = await this.commands.execute(new CreateConnectionCommand(input, context));
    reply.header('Location', `/api/connections/${outcome.connectionId}`);
    return this.views.afterWrite(outcome.connectionId, outcome, reply);
  }
}
