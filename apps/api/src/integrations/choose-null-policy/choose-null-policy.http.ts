import { Body, Controller, Param, ParseUUIDPipe, Put, Res } from '@nestjs/common';
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
import { IsIn } from 'class-validator';
import { NULL_POLICIES, type NullPolicy } from '@ib/domain';
import { Ctx, type RequestContext } from '../../identity';
import { type HttpReply } from '../../infrastructure/http/http-types';
import { ApiProblems, ETAG_HEADER } from '../../infrastructure/http/openapi/api-responses';
import { IntegrationSchema } from '../integration-queries/integration.schema';
import { IntegrationViews } from '../integration-queries/integration-views';
import { ChooseNullPolicyCommand } from './choose-null-policy.command';

export class ChooseNullPolicyBody {
  @ApiProperty({ enum: NULL_POLICIES, example: 'preserve' })
  @IsIn(NULL_POLICIES)
  nullPolicy!: NullPolicy;
}

@ApiTags('integrations')
@ApiBearerAuth()
@Controller('api/integrations')
export class ChooseNullPolicyController {
  constructor(
    private readonly commands: CommandBus,
    private readonly views: IntegrationViews,
  ) {}

  @Put(':id/null-policy')
  @ApiOperation({
    summary:
      'Choose what the data API does with NULLs (overwrite or preserve) in the versions published next',
  })
  @ApiHeader({ name: 'If-Match', required: false })
  @ApiParam({ name: 'id', format: 'uuid', description: 'The integration id' })
  @ApiOkResponse({ type: IntegrationSchema, headers: ETAG_HEADER })
  @ApiProblems({
    400: 'INTEGRATION.INVALID, an id that is not a UUID, or a missing or unknown null policy',
    404: 'INTEGRATION.NOT_FOUND: no such integration, or one of an environment the caller holds no role in',
    409: 'INTEGRATION.OPEN_LOCKED: converted to open',
    412: 'PRECONDITION_FAILED: If-Match names another version of the integration',
  })
  async choose(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: ChooseNullPolicyBody,
    @Ctx() context: RequestContext,
    @Res({ passthrough: true }) reply: HttpReply,
  ) {
    const outcome = await this.commands.execute(new ChooseNullPolicyCommand(id, body.nullPolicy, context));
    return this.views.afterWrite(id, outcome, reply);
  }
}
