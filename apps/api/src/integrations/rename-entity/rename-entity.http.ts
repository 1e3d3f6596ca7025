import { Body, Controller, Param, ParseUUIDPipe, Patch, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiParam, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import { Ctx, type RequestContext } from '../../identity';
import { type HttpReply } from '../../infrastructure/http/http-types';
import { ApiProblems } from '../../infrastructure/http/openapi/api-responses';
import { IntegrationViews } from '../integration-queries/integration-views';
import { RenameEntityCommand } from './rename-entity.command';

export class RenameEntityBody {
  @ApiProperty({ example: 'Records' })
  @IsString()
  @Length(1, 128)
  name!: string;
}

@ApiTags('integrations')
@ApiBearerAuth()
@Controller('api/integrations')
export class RenameEntityController {
  constructor(
    private readonly commands: CommandBus,
    private readonly views: IntegrationViews,
  ) {}

  @Patch(':id/entities/:name')
  @ApiOperation({ summary: 'Rename an entity: always refused (409), entities keep their names' })
  @ApiHeader({ name: 'If-Match', required: false })
  @ApiParam({ name: 'id', format: 'uuid', description: 'The integration id' })
  @ApiParam({ name: 'name', description: 'The entity name', example: 'order_items' })
  // No success is documented: the product has none to give (see the decider's renameEntity).
  @ApiProblems({
    400: 'The id is not a UUID, or the new name is missing',
    404: 'INTEGRATION.NOT_FOUND: no such integration, or one of an environment the caller holds no role in',
    409: 'INTEGRATION.ENTITY_RENAME: entities keep their names (INTEGRATION.OPEN_LOCKED once converted to open)',
    412: 'PRECONDITION_FAILED: If-Match names another version of the integration',
  })
  async rename(
    @Param('id', ParseUUIDPipe) id: string,
    @Param('name') name: string,
    @Body() body: RenameEntityBody,
    @Ctx() context: RequestContext,
    @Res({ passthrough: true }) reply: HttpReply,
  ) {
    const outcome = await this.commands.execute(new RenameEntityCommand(id, name, body.name, context));
    return this.views.afterWrite(id, outcome, reply);
  }
}
