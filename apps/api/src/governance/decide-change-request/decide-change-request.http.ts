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
import { ChangeRequestSchema } from '../change-request-queries/change-request.schema';
import { ChangeRequestViews } from '../change-request-queries/change-request-views';
import { type ChangeDecision, DecideChangeRequestCommand } from './decide-change-request.command';

export class RejectChangeBody {
  @ApiProperty({ example: 'Not before the release notes are out' })
  @IsString()
  @Length(1, 2000)
  reason!: string;
}

const NOT_FOUND = 'CHANGE_REQUEST.NOT_FOUND: no such request, or one the caller may not see';
const NOT_PENDING =
  'CHANGE_REQUEST.NOT_PENDING: it was approved, rejected or cancelled already (the detail says by whom and when), ' +
  'or another decision was recorded at the same moment';
const STALE = 'PRECONDITION_FAILED: If-Match names another version of the request';

@ApiTags('change-requests')
@ApiBearerAuth()
@ApiHeader({ name: 'If-Match', required: false })
@ApiParam({ name: 'id', format: 'uuid', description: 'The change request id' })
@ApiOkResponse({ type: ChangeRequestSchema, headers: ETAG_HEADER, description: 'The request as decided' })
@Controller('api/change-requests')
export class DecideChangeRequestController {
  constructor(
    private readonly commands: CommandBus,
    private readonly views: ChangeRequestViews,
  ) {}

  private async decide(id: string, decision: ChangeDecision, context: RequestContext, reply: HttpReply) {
    const outcome = await this.commands.execute(new DecideChangeRequestCommand(id, decision, context));
    return this.views.afterWrite(id, outcome, reply);
  }

  @Post(':id/approve')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Approve, as another administrator of its environment: the change runs at once (status applied, ' +
      'or failed with the reason it was refused)',
  })
  @ApiProblems({
    400: 'The id is not a UUID',
    403: 'FOUR_EYES.SAME_PERSON (the requester approves nothing of their own), AUTH.ADMIN_REQUIRED',
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
  @ApiOperation({ summary: 'Reject with a reason (administrators of its environment)' })
  @ApiProblems({
    400: 'CHANGE_REQUEST.INVALID (the reason), an id that is not a UUID, or a missing reason',
    403: 'AUTH.ADMIN_REQUIRED',
    404: NOT_FOUND,
    409: NOT_PENDING,
    412: STALE,
  })
  reject(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: RejectChangeBody,
    @Ctx() context: RequestContext,
    @Res({ passthrough: true }) reply: HttpReply,
  ) {
    return this.decide(id, { kind: 'reject', reason: body.reason }, context, reply);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @ApiOperation({ summary: 'Cancel a pending request (its requester only)' })
  @ApiProblems({
    400: 'The id is not a UUID',
    403: 'FOUR_EYES.NOT_REQUESTER',
    404: NOT_FOUND,
    409: NOT_PENDING,
    412: STALE,
  })
  cancel(
    @Param('id', ParseUUIDPipe) id: string,
    @Ctx() context: RequestContext,
    @Res({ passthrough: true }) reply: HttpReply,
  ) {
    return this.decide(id, { kind: 'cancel' }, context, reply);
  }
}
