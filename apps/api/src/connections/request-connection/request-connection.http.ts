import { Body, Controller, HttpCode, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiHeader,
  ApiOperation,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';
import { Ctx, type RequestContext } from '../../identity';
import { CreateConnectionBody } from '../create-connection/create-connection.http';
import { type HttpReply } from '../../infrastructure/http/http-types';
import { ApiProblems, ETAG_HEADER, LOCATION_HEADER } from '../../infrastructure/http/openapi/api-responses';
import { ConnectionRequestSchema } from '../connection-request-queries/connection-request.schema';
import { ConnectionRequestViews } from '../connection-request-queries/connection-request-views';
import { RequestConnectionCommand } from './request-connection.command';
import { Omittable } from '../../infrastructure/http/omittable.decorator';

export class RequestConnectionBody extends CreateConnectionBody {
  @ApiPropertyOptional({ description: 'A word for the administrator' })
  @Omittable()
  @IsString()
  @MaxLength(2000)
  note?: string;
}

@ApiTags('connection-requests')
@ApiBearerAuth()
@Controller('api/connection-requests')
export class RequestConnectionController {
  constructor(
    private readonly commands: CommandBus,
    private readonly views: ConnectionRequestViews,
  ) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Ask an administrator to create a connection; the request carries every detail' })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiCreatedResponse({ type: ConnectionRequestSchema, headers: { ...LOCATION_HEADER, ...ETAG_HEADER } })
  @ApiProblems({
    400: 'CONNECTION_REQUEST.INVALID (a SQLite path outside the databases folder, details the provider needs) or a missing or invalid field',
    403: 'AUTH.NO_ACCESS_TO_ENVIRONMENT: the caller holds no role in the environment',
    409: 'IDEMPOTENCY.IN_PROGRESS: the same request still runs (Retry-After)',
    422: 'IDEMPOTENCY.KEY_REUSED: the Idempotency-Key came with another body',
    503: 'STORAGE.UNAVAILABLE: the secret store cannot keep the password now; nothing was stored (Retry-After)',
  })
  async request(
    @Body() body: RequestConnectionBody,
    @Ctx() context: RequestContext,
    @Res({ passthrough: true }) reply: HttpReply,
  ) {
    const environment = body.environment ?? context.user.environment;
    const outcome = await this.commands.execute(
      new RequestConnectionCommand({ ...body, details: { ...body.details }, environment }, context),
    );
    reply.header('Location', `/api/connection-requests/${outcome.requestId}`);
    return this.views.afterWrite(outcome.requestId, outcome, reply);
  }
}
