import { Controller, HttpCode, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Ctx, type RequestContext } from '../../identity';
import { type HttpReply } from '../../infrastructure/http/http-types';
import { ApiProblems, ETAG_HEADER } from '../../infrastructure/http/openapi/api-responses';
import { IntegrationSchema } from '../integration-queries/integration.schema';
import { IntegrationViews } from '../integration-queries/integration-views';
import { ConvertToOpenCommand } from './convert-to-open.command';

@ApiTags('integrations')
@ApiBearerAuth()
@Controller('api/integrations')
export class ConvertToOpenController {
  constructor(
    private readonly commands: CommandBus,
    private readonly views: IntegrationViews,
  ) {}

  @Post(':id/open')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Convert an integration to open: it can no longer be edited or published by the builder',
  })
  @ApiHeader({ name: 'If-Match', required: false })
  @ApiParam({ name: 'id', format: 'uuid', description: 'The integration id' })
  @ApiOkResponse({ type: IntegrationSchema, headers: ETAG_HEADER })
  @ApiProblems({
    400: 'The id is not a UUID',
    404: 'INTEGRATION.NOT_FOUND: no such integration, or one of an environment the caller holds no role in',
    409: 'INTEGRATION.OPEN_LOCKED: converted to open already',
    412: 'PRECONDITION_FAILED: If-Match names another version of the integration',
  })
  async convert(
    @Param('id', ParseUUIDPipe) id: string,
    @Ctx() context: RequestContext,
    @Res({ passthrough: true }) reply: HttpReply,
  ) {
    const outcome = await this.commands.execute(new ConvertToOpenCommand(id, context));
    return this.views.afterWrite(id, outcome, reply);
  }
}
