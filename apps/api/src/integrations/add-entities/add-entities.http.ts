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
import { ArrayMaxSize, ArrayMinSize, IsArray, IsString, Length } from 'class-validator';
import { Ctx, type RequestContext } from '../../identity';
import { type HttpReply } from '../../infrastructure/http/http-types';
import { ApiProblems, ETAG_HEADER } from '../../infrastructure/http/openapi/api-responses';
import { IntegrationSchema } from '../integration-queries/integration.schema';
import { IntegrationViews } from '../integration-queries/integration-views';
import { AddEntitiesCommand } from './add-entities.command';

export class AddEntitiesBody {
  @ApiProperty({ type: [String], example: ['customers', 'orders'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @IsString({ each: true })
  @Length(1, 128, { each: true })
  tables!: string[];
}

@ApiTags('integrations')
@ApiBearerAuth()
@Controller('api/integrations')
export class AddEntitiesController {
  constructor(
    private readonly commands: CommandBus,
    private readonly views: IntegrationViews,
  ) {}

  @Post(':id/entities')
  @HttpCode(200)
  @ApiOperation({ summary: 'Add tables or views of the selected database as entities' })
  @ApiHeader({ name: 'If-Match', required: false })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiParam({ name: 'id', format: 'uuid', description: 'The integration id' })
  @ApiOkResponse({ type: IntegrationSchema, headers: ETAG_HEADER })
  @ApiProblems({
    400: 'INTEGRATION.INVALID (two tables with one entity name), an id that is not a UUID, or invalid tables',
    404: 'INTEGRATION.NOT_FOUND, CONNECTION.NOT_FOUND (the connection is gone), CONNECTOR.DATABASE_NOT_FOUND or CONNECTOR.TABLE_NOT_FOUND (names each missing table)',
    409: 'INTEGRATION.OPEN_LOCKED: converted to open; INTEGRATION.DATABASE_NOT_SELECTED; INTEGRATION.ENTITY_RENAME or INTEGRATION.ATTRIBUTE_TYPE_CHANGE: a table added (or published) before changed incompatibly; IDEMPOTENCY.IN_PROGRESS',
    412: 'PRECONDITION_FAILED: If-Match names another version of the integration',
    422: 'CONNECTOR.AUTH_FAILED: the database refused the connection credentials; IDEMPOTENCY.KEY_REUSED',
    503: 'CONNECTOR.UNREACHABLE or CONNECTOR.TIMEOUT: the database does not answer (Retry-After)',
  })
  async add(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: AddEntitiesBody,
    @Ctx() context: RequestContext,
    @Res({ passthrough: true }) reply: HttpReply,
  ) {
    const outcome = await this.commands.execute(new AddEntitiesCommand(id, body.tables, context));
    return this.views.afterWrite(id, outcome, reply);
  }
}
