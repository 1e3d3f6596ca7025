import { Body, Controller, HttpCode, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { Ctx, type RequestContext } from '../../auth/request-context.decorator';
import { CreateConnectionBody } from '../../connections/create-connection/create-connection.http';
import { type HttpReply } from '../../infrastructure/http/http-types';
import { ConnectionRequestViews } from '../connection-request-queries/connection-request-views';
import { RequestConnectionCommand } from './request-connection.command';

export class RequestConnectionBody extends CreateConnectionBody {
  @ApiPropertyOptional({ description: 'A word for the administrator' })
  @IsOptional()
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
    return this.views.afterWrite(outcome.requestId, outcome.position, reply);
  }
}
