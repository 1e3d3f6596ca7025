import { Controller, Delete, HttpCode, Param, ParseUUIDPipe, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiHeader,
  ApiNoContentResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { FourEyes, PENDING_CHANGE_RESPONSE, type PendingChange, pendingAnswer } from '../../governance';
import { Ctx, type RequestContext } from '../../identity';
import { type HttpReply } from '../../infrastructure/http/http-types';
import { ApiProblems } from '../../infrastructure/http/openapi/api-responses';
import { ConnectionChangeChecks } from '../four-eyes/connection-change-checks';
import { DeleteConnectionCommand } from './delete-connection.command';

@ApiTags('connections')
@ApiBearerAuth()
@Controller('api/connections')
export class DeleteConnectionController {
  constructor(
    private readonly commands: CommandBus,
    private readonly fourEyes: FourEyes,
    private readonly checks: ConnectionChangeChecks,
  ) {}

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({
    summary:
      'Delete a connection that serves no deployment (administrators of its environment): its password ' +
      'is destroyed (crypto-shredded), its history stays',
  })
  @ApiHeader({ name: 'If-Match', required: false, description: 'The version of the connection last seen' })
  @ApiParam({ name: 'id', format: 'uuid', description: 'The connection id' })
  @ApiNoContentResponse({ description: 'Deleted: it is not found from now on' })
  @ApiAcceptedResponse(PENDING_CHANGE_RESPONSE)
  @ApiProblems({
    400: 'The id is not a UUID',
    403: 'AUTH.ADMIN_REQUIRED: administrators of the connection’s environment delete it',
    404: 'CONNECTION.NOT_FOUND: no such connection, one deleted already, or one of an environment the caller holds no role in',
    409: 'CONNECTION.BOUND: it serves an integration in an environment; bind another connection there first',
    412: 'PRECONDITION_FAILED: If-Match names another version of the connection',
  })
  async delete(
    @Param('id', ParseUUIDPipe) id: string,
    @Ctx() context: RequestContext,
    @Res({ passthrough: true }) reply: HttpReply,
  ): Promise<PendingChange | undefined> {
    const { environment, name } = await this.checks.delete(id, context);
    const pending = await this.fourEyes.intercept(
      context,
      environment,
      {
        kind: 'delete-connection',
        connectionId: id,
        ...(context.ifMatch === undefined ? {} : { ifMatch: context.ifMatch }),
      },
      { summary: `Delete the connection "${name}" in ${environment}` },
    );
    if (pending) return pendingAnswer(reply, pending);
    await this.commands.execute(new DeleteConnectionCommand(id, context));
    return undefined;
  }
}
