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
import { IsUUID } from 'class-validator';
import { Ctx, type RequestContext } from '../../identity';
import { type HttpReply } from '../../infrastructure/http/http-types';
import { ApiProblems, ETAG_HEADER } from '../../infrastructure/http/openapi/api-responses';
import { IntegrationSchema } from '../integration-queries/integration.schema';
import { IntegrationViews } from '../integration-queries/integration-views';
import { SelectConnectionCommand } from './select-connection.command';

export class SelectConnectionBody {
  @ApiProperty()
  @IsUUID()
  connectionId!: string;
}

@ApiTags('integrations')
@ApiBearerAuth()
@Controller('api/integrations')
export class SelectConnectionController {
  constructor(
    private readonly commands: CommandBus,
    private readonly views: IntegrationViews,
  ) {}

  @Put(':id/connection')
  @ApiOperation({ summary: 'Attach a connection of the integration’s provider and environment' })
  @ApiHeader({ name: 'If-Match', required: false })
  @ApiParam({ name: 'id', format: 'uuid', description: 'The integration id' })
  @ApiOkResponse({ type: IntegrationSchema, headers: ETAG_HEADER })
  @ApiProblems({
    400: 'The id or connectionId is not a UUID',
    404: 'INTEGRATION.NOT_FOUND or CONNECTION.NOT_FOUND: no such integration or connection, or one of an environment the caller holds no role in',
    409: 'INTEGRATION.OPEN_LOCKED: converted to open; INTEGRATION.PROVIDER_MISMATCH: a connection of another provider; INTEGRATION.CONNECTION_ENVIRONMENT_MISMATCH: a connection of another environment',
    412: 'PRECONDITION_FAILED: If-Match names another version of the integration',
  })
  async select(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: SelectConnectionBody,
    @Ctx() context: RequestContext,
    @Res({ passthrough: true }) reply: HttpReply,
  ) {
    const outcome = await this.commands.execute(new SelectConnectionCommand(id, body.connectionId, context));
    return this.views.afterWrite(id, outcome, reply);
  }
}
