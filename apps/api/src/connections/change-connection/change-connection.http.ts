import { Body, Controller, Param, ParseUUIDPipe, Patch, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsString, Length, ValidateNested } from 'class-validator';
import { FourEyes, PENDING_CHANGE_RESPONSE, pendingAnswer } from '../../governance';
import { Ctx, type RequestContext } from '../../identity';
import { type HttpReply } from '../../infrastructure/http/http-types';
import { ApiProblems, ETAG_HEADER } from '../../infrastructure/http/openapi/api-responses';
import { Omittable } from '../../infrastructure/http/omittable.decorator';
import { ConnectionDetailsBody } from '../connection-details.body';
import { ConnectionSchema } from '../connection-queries/connection.schema';
import { ConnectionViews } from '../connection-queries/connection-views';
import { ConnectionChangeChecks } from '../four-eyes/connection-change-checks';
import { ChangeConnectionCommand } from './change-connection.command';

/** Neither the provider nor the environment changes; the password has a route of its own. */
export class ChangeConnectionBody {
  @ApiPropertyOptional({ example: 'Orders DB (dev)', description: 'Absent: unchanged' })
  @Omittable()
  @IsString()
  @Length(1, 100)
  name?: string;

  @ApiPropertyOptional({
    type: ConnectionDetailsBody,
    description:
      'The whole new details, options included (what is left out is removed); absent: unchanged. Only ' +
      "what the connection's provider reads: a file path for SQLite, a server for the others",
  })
  @Omittable()
  @ValidateNested()
  @Type(() => ConnectionDetailsBody)
  details?: ConnectionDetailsBody;
}

@ApiTags('connections')
@ApiBearerAuth()
@Controller('api/connections')
export class ChangeConnectionController {
  constructor(
    private readonly commands: CommandBus,
    private readonly views: ConnectionViews,
    private readonly fourEyes: FourEyes,
    private readonly checks: ConnectionChangeChecks,
  ) {}

  @Patch(':id')
  @ApiOperation({
    summary:
      "Change a connection's name, details and options (administrators of its environment); connectors " +
      'opened with the old details are closed',
  })
  @ApiHeader({ name: 'If-Match', required: false, description: 'The version of the connection last seen' })
  @ApiParam({ name: 'id', format: 'uuid', description: 'The connection id' })
  @ApiOkResponse({ type: ConnectionSchema, headers: ETAG_HEADER, description: 'The connection as changed' })
  @ApiAcceptedResponse(PENDING_CHANGE_RESPONSE)
  @ApiProblems({
    400: 'CONNECTION.INVALID (details another provider reads, a SQLite path outside the databases folder, a secret in the details), an id that is not a UUID, or an invalid or unknown field',
    403: 'AUTH.ADMIN_REQUIRED: administrators of the connection’s environment change it',
    404: 'CONNECTION.NOT_FOUND: no such connection, a deleted one, or one of an environment the caller holds no role in',
    412: 'PRECONDITION_FAILED: If-Match names another version of the connection',
  })
  async change(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: ChangeConnectionBody,
    @Ctx() context: RequestContext,
    @Res({ passthrough: true }) reply: HttpReply,
  ) {
    const edit = {
      ...(body.name === undefined ? {} : { name: body.name }),
      ...(body.details === undefined ? {} : { details: definedOnly(body.details) }),
    };
    const { environment, name } = await this.checks.edit(id, edit, context);
    const pending = await this.fourEyes.intercept(
      context,
      environment,
      {
        kind: 'edit-connection',
        connectionId: id,
        edit,
        ...(context.ifMatch === undefined ? {} : { ifMatch: context.ifMatch }),
      },
      { summary: `Change the connection "${name}" in ${environment}` },
    );
    if (pending) return pendingAnswer(reply, pending);
    const outcome = await this.commands.execute(new ChangeConnectionCommand(id, edit, context));
    return this.views.afterWrite(id, outcome, reply);
  }
}

/** The details as sent: a field left out is absent, not an undefined the event would carry. */
const definedOnly = (details: ConnectionDetailsBody): ConnectionDetailsBody =>
  Object.fromEntries(Object.entries(details).filter(([, value]) => value !== undefined));
