import { Controller, Delete, Param, ParseUUIDPipe, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Ctx, type RequestContext } from '../../identity';
import { type HttpReply } from '../../infrastructure/http/http-types';
import { ApiProblems, ETAG_HEADER } from '../../infrastructure/http/openapi/api-responses';
import { IntegrationSchema } from '../integration-queries/integration.schema';
import { IntegrationViews } from '../integration-queries/integration-views';
import { RemoveEntityCommand } from './remove-entity.command';

@ApiTags('integrations')
@ApiBearerAuth()
@Controller('api/integrations')
export class RemoveEntityController {
  constructor(
    private readonly commands: CommandBus,
    private readonly views: IntegrationViews,
  ) {}

  @Delete(':id/entities/:name')
  @ApiOperation({ summary: 'Remove an entity from a draft integration' })
  @ApiHeader({ name: 'If-Match', required: false })
  @ApiParam({ name: 'id', format: 'uuid', description: 'The integration id' })
  @ApiParam({ name: 'name', description: 'The entity name', example: 'order_items' })
  @ApiOkResponse({ type: IntegrationSchema, headers: ETAG_HEADER })
  @ApiProblems({
    400: 'The id is not a UUID',
    404: 'INTEGRATION.NOT_FOUND, or INTEGRATION.ENTITY_NOT_FOUND: the integration has no entity of this name',
    409: 'INTEGRATION.OPEN_LOCKED: converted to open',
    412: 'PRECONDITION_FAILED: If-Match names another version of the integration',
  })
  async remove(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('name') name: string,
    @Ctx() context: RequestContext,
    @Res({ passthrough: true }) reply: HttpReply,
  ) {
    const outcome = await this.commands.execute(new RemoveEntityCommand(id, name, context));
    return this.views.afterWrite(id, outcome, reply);
  }
}
