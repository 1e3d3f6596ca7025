import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBearerAuth,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiProperty,
  ApiTags,
} from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import { Ctx, type RequestContext } from '../../identity';
import { type HttpReply } from '../../infrastructure/http/http-types';
import { ApiProblems, ETAG_HEADER } from '../../infrastructure/http/openapi/api-responses';
import { ConnectionRequestSchema } from '../connection-request-queries/connection-request.schema';
import { ConnectionRequestViews } from '../connection-request-queries/connection-request-views';
import { type Decision, DecideConnectionRequestCommand } from './decide-connection-request.command';

export class RejectBody {
  @ApiProperty({ example: 'Use the shared reporting replica instead' })
  @IsString()
  @Length(1, 2000)
  reason!: string;
}

const NOT_FOUND = 'CONNECTION_REQUEST.NOT_FOUND: no such request, or one the caller may not see';
const NOT_PENDING =
  'CONNECTION_REQUEST.NOT_PENDING: it was approved, rejected or cancelled already, also when If-Match names ' +
  'the version before (the detail says by whom and when; `decision`, `decidedBy`, `decidedByName` and ' +
  '`decidedAt` tell it apart)';
const STALE = 'PRECONDITION_FAILED: If-Match names another version of the request, which is still pending';

@ApiTags('connection-requests')
@ApiBearerAuth()
@ApiHeader({ name: 'If-Match', required: false })
@ApiParam({ name: 'id', format: 'uuid', description: 'The connection request id' })
@ApiOkResponse({ type: ConnectionRequestSchema, headers: ETAG_HEADER, description: 'The request as decided' })
@Controller('api/connection-requests')
export class DecideConnectionRequestController {
  constructor(
    private readonly commands: CommandBus,
    private readonly views: ConnectionRequestViews,
  ) {}

  private async decide(id: string, decision: Decision, context: RequestContext, reply: HttpReply) {
    const outcome = await this.commands.execute(new DecideConnectionRequestCommand(id, decision, context));
    return this.views.afterWrite(id, outcome, reply);
  }

  @Post(':id/approve')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Approve: the connection is created and appears in the requester’s list (administrators)',
  })
  @ApiProblems({
    400: 'The id is not a UUID',
    403: 'AUTH.ADMIN_REQUIRED: administrators of the request’s environment decide (its requester may only cancel)',
    404: NOT_FOUND,
    409: NOT_PENDING,
    412: STALE,
  })
  approve(
    @Param('id', ParseUUIDPipe) id: string,
    @Ctx() context: RequestContext,
    @Res({ passthrough: true }) reply: HttpReply,
  ) {
    return this.decide(id, { kind: 'approve' }, context, reply);
  }

  @Post(':id/reject')
  @HttpCode(200)
  @ApiOperation({ summary: 'Reject with a reason (administrators)' })
  @ApiProblems({
    400: 'CONNECTION_REQUEST.INVALID (the reason), an id that is not a UUID, or a missing reason',
    403: 'AUTH.ADMIN_REQUIRED: administrators of the request’s environment decide (its requester may only cancel)',
    404: NOT_FOUND,
    409: NOT_PENDING,
    412: STALE,
  })
  reject(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: RejectBody,
    @Ctx() context: RequestContext,
    @Res({ passthrough: true }) reply: HttpReply,
  ) {
    return this.decide(id, { kind: 'reject', reason: body.reason }, context, reply);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @ApiOperation({ summary: 'Cancel a pending request (its requester or an administrator)' })
  @ApiProblems({ 400: 'The id is not a UUID', 404: NOT_FOUND, 409: NOT_PENDING, 412: STALE })
  cancel(
    @Param('id', ParseUUIDPipe) id: string,
    @Ctx() context: RequestContext,
    @Res({ passthrough: true }) reply: HttpReply,
  ) {
    return this.decide(id, { kind: 'cancel' }, context, reply);
  }
}
