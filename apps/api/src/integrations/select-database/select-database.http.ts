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
import { IsString, Length } from 'class-validator';
import { Ctx, type RequestContext } from '../../identity';
import { type HttpReply } from '../../infrastructure/http/http-types';
import { ApiProblems, ETAG_HEADER } from '../../infrastructure/http/openapi/api-responses';
import { IntegrationSchema } from '../integration-queries/integration.schema';
import { IntegrationViews } from '../integration-queries/integration-views';
import { SelectDatabaseCommand } from './select-database.command';

export class SelectDatabaseBody {
  @ApiProperty({ example: 'main' })
  @IsString()
  @Length(1, 128)
  database!: string;
}

@ApiTags('integrations')
@ApiBearerAuth()
@Controller('api/integrations')
export class SelectDatabaseController {
  constructor(
    private readonly commands: CommandBus,
    private readonly views: IntegrationViews,
  ) {}

  @Put(':id/database')
  @ApiOperation({ summary: 'Select the one database this integration uses' })
  @ApiHeader({ name: 'If-Match', required: false })
  @ApiParam({ name: 'id', format: 'uuid', description: 'The integration id' })
  @ApiOkResponse({ type: IntegrationSchema, headers: ETAG_HEADER })
  @ApiProblems({
    400: 'INTEGRATION.INVALID, an id that is not a UUID, or a missing database',
    404: 'INTEGRATION.NOT_FOUND: no such integration, or one of an environment the caller holds no role in',
    409: 'INTEGRATION.OPEN_LOCKED: converted to open; INTEGRATION.CONNECTION_NOT_SELECTED: select a connection first; INTEGRATION.ONE_DATABASE: entities of another database were added',
    412: 'PRECONDITION_FAILED: If-Match names another version of the integration',
  })
  async select(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: SelectDatabaseBody,
    @Ctx() context: RequestContext,
    @Res({ passthrough: true }) reply: HttpReply,
  ) {
    const outcome = await this.commands.execute(new SelectDatabaseCommand(id, body.database, context));
    return this.views.afterWrite(id, outcome, reply);
  }
}
