import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Put, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiProperty,
  ApiTags,
} from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import { FourEyes, PENDING_CHANGE_RESPONSE, pendingAnswer } from '../../governance';
import { Ctx, type RequestContext } from '../../identity';
import { type HttpReply } from '../../infrastructure/http/http-types';
import { ApiProblems, ETAG_HEADER } from '../../infrastructure/http/openapi/api-responses';
import { ConnectionSchema } from '../connection-queries/connection.schema';
import { ConnectionViews } from '../connection-queries/connection-views';
import { ConnectionChangeChecks } from '../four-eyes/connection-change-checks';
import { RotateConnectionPasswordCommand } from './rotate-connection-password.command';

export class RotateConnectionPasswordBody {
  @ApiProperty({ description: 'The new password; stored encrypted, never returned' })
  @IsString()
  @Length(1, 1024)
  password!: string;
}

@ApiTags('connections')
@ApiBearerAuth()
@Controller('api/connections')
export class RotateConnectionPasswordController {
  constructor(
    private readonly commands: CommandBus,
    private readonly views: ConnectionViews,
    private readonly fourEyes: FourEyes,
    private readonly checks: ConnectionChangeChecks,
  ) {}

  @Put(':id/password')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Rotate the password of a connection (administrators of its environment): the new one is stored ' +
      'encrypted and the old one destroyed (crypto-shredded); connectors opened with it are closed',
  })
  @ApiHeader({ name: 'If-Match', required: false, description: 'The version of the connection last seen' })
  @ApiParam({ name: 'id', format: 'uuid', description: 'The connection id' })
  @ApiOkResponse({ type: ConnectionSchema, headers: ETAG_HEADER, description: 'The connection, rotated' })
  @ApiAcceptedResponse(PENDING_CHANGE_RESPONSE)
  @ApiProblems({
    400: 'CONNECTION.INVALID (SQLite connections have no password), an id that is not a UUID, or a missing or too long password',
    403: 'AUTH.ADMIN_REQUIRED: administrators of the connection’s environment rotate its password',
    404: 'CONNECTION.NOT_FOUND: no such connection, a deleted one, or one of an environment the caller holds no role in',
    412: 'PRECONDITION_FAILED: If-Match names another version of the connection',
    503: 'STORAGE.UNAVAILABLE: the secret store cannot keep the password now; nothing was changed (Retry-After)',
  })
  async rotate(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: RotateConnectionPasswordBody,
    @Ctx() context: RequestContext,
    @Res({ passthrough: true }) reply: HttpReply,
  ) {
    const { environment, name } = await this.checks.rotate(id, context);
    const pending = await this.fourEyes.intercept(
      context,
      environment,
      {
        kind: 'rotate-password',
        connectionId: id,
        ...(context.ifMatch === undefined ? {} : { ifMatch: context.ifMatch }),
      },
      { summary: `Rotate the password of the connection "${name}" in ${environment}`, secret: body.password },
    );
    if (pending) return pendingAnswer(reply, pending);
    const outcome = await this.commands.execute(
      new RotateConnectionPasswordCommand(id, body.password, context),
    );
    return this.views.afterWrite(id, outcome, reply);
  }
}
