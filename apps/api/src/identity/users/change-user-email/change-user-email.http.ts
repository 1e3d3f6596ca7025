import { Body, Controller, Param, ParseUUIDPipe, Patch } from '@nestjs/common';
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
import { IsString, MaxLength, ValidateIf } from 'class-validator';
import { EMAIL_MAX_LENGTH } from '@ib/domain';
import { Ctx, type RequestContext } from '../../auth/request-context.decorator';
import { ApiProblems } from '../../../infrastructure/http/openapi/api-responses';
import { UserSchema } from '../user-queries/user.schema';
import { UserViews } from '../user-queries/user-views';
import { ChangeUserEmailCommand } from './change-user-email.command';

export class ChangeUserBody {
  @ApiProperty({
    type: 'string',
    nullable: true,
    format: 'email',
    maxLength: EMAIL_MAX_LENGTH,
    example: 'dana@example.com',
    description: 'The new address (its domain is stored lower-case); null: none',
  })
  @ValidateIf((_object: object, value: unknown) => value !== null)
  @IsString()
  @MaxLength(EMAIL_MAX_LENGTH)
  email!: string | null;
}

@ApiTags('users')
@ApiBearerAuth()
@Controller('api/users')
export class ChangeUserEmailController {
  constructor(
    private readonly commands: CommandBus,
    private readonly views: UserViews,
  ) {}

  @Patch(':id')
  @ApiOperation({
    summary:
      "Change a user's e-mail address (anyone their own; another's: the administrators of every environment " +
      'the user holds a role in, and for an owner an owner too)',
  })
  @ApiHeader({ name: 'If-Match', required: false, description: 'The user version the change is based on' })
  @ApiParam({ name: 'id', format: 'uuid', description: 'The user id' })
  @ApiOkResponse({ type: UserSchema, description: 'The user with their new address' })
  @ApiProblems({
    400: 'USER.INVALID: a malformed `email`; an id that is not a UUID, or an invalid field',
    403: "AUTH.ADMIN_REQUIRED: the caller does not administer every environment of the user; AUTH.OWNER_REQUIRED: an owner's address, changed by a non-owner",
    404: 'USER.NOT_FOUND: no such user, or one the caller may not see',
    409: 'EVENT_STORE.WRONG_EXPECTED_VERSION: the user changed concurrently',
    412: 'PRECONDITION_FAILED: If-Match names another version of the user',
  })
  async change(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: ChangeUserBody,
    @Ctx() context: RequestContext,
  ) {
    const outcome = await this.commands.execute(
      new ChangeUserEmailCommand(id, body.email ?? undefined, context),
    );
    return this.views.afterWrite(id, outcome.position);
  }
}
