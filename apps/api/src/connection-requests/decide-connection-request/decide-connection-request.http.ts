import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import { Ctx, type RequestContext } from '../../auth/request-context.decorator';
import { type HttpReply } from '../../infrastructure/http/http-types';
import { ConnectionRequestViews } from '../connection-request-queries/connection-request-views';
import { type Decision, DecideConnectionRequestCommand } from './decide-connection-request.command';

export class RejectBody {
  @ApiProperty({ example: 'Use the shared reporting replica instead' })
  @IsString()
  @Length(1, 2000)
  reason!: string;
}

@ApiTags('connection-requests')
@ApiBearerAuth()
@ApiHeader({ name: 'If-Match', required: false })
@Controller('api/connection-requests')
export class DecideConnectionRequestController {
  constructor(
    private readonly commands: CommandBus,
    private readonly views: ConnectionRequestViews,
  ) {}

  private async decide(id: string, decision: Decision, context: RequestContext, reply: HttpReply) {
    const outcome = await this.commands.execute(new DecideConnectionRequestCommand(id, decision, context));
    return this.views.afterWrite(id, outcome.position, reply);
  }

  @Post(':id/approve')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Approve: the connection is created and appears in the requester’s list (administrators)',
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
  cancel(
    @Param('id', ParseUUIDPipe) id: string,
    @Ctx() context: RequestContext,
    @Res({ passthrough: true }) reply: HttpReply,
  ) {
    return this.decide(id, { kind: 'cancel' }, context, reply);
  }
}
