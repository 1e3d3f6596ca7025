import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Ctx, type RequestContext } from '../../identity';
import { ApprovalsInbox } from './approvals-inbox';
import { ApprovalsSchema } from './approval.schema';

@ApiTags('approvals')
@ApiBearerAuth()
@Controller('api/approvals')
export class ApprovalsController {
  constructor(private readonly inbox: ApprovalsInbox) {}

  @Get()
  @ApiOperation({
    summary:
      'Everything waiting for your decision, newest first: the pending connection requests of the ' +
      'environments you administer, and their pending change requests someone else asked for',
  })
  @ApiOkResponse({ type: ApprovalsSchema })
  list(@Ctx() context: RequestContext) {
    return this.inbox.of(context.user);
  }
}
