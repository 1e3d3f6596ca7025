import { Body, Controller, Param, ParseUUIDPipe, Patch } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBearerAuth,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsString,
  MaxLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { EMAIL_MAX_LENGTH } from '@ib/domain';
import { Ctx, type RequestContext } from '../../auth/request-context.decorator';
import { ApiProblems } from '../../../infrastructure/http/openapi/api-responses';
import { Omittable } from '../../../infrastructure/http/omittable.decorator';
import { RoleGrantBody } from '../create-user/create-user.http';
import { UserSchema } from '../user-queries/user.schema';
import { UserViews } from '../user-queries/user-views';
import { ChangeUserCommand } from './change-user.command';

/** Every field may be left out (unchanged), but at least one must be there. */
export class ChangeUserBody {
  @ApiPropertyOptional({
    type: 'string',
    nullable: true,
    format: 'email',
    maxLength: EMAIL_MAX_LENGTH,
    example: 'dana@example.com',
    description: 'The new address (its domain is stored lower-case); null: none; absent: unchanged',
  })
  @ValidateIf((_object: object, value: unknown) => value !== null && value !== undefined)
  @IsString()
  @MaxLength(EMAIL_MAX_LENGTH)
  email?: string | null;

  @ApiPropertyOptional({
    type: [RoleGrantBody],
    description: 'Every grant the user holds afterwards (as PUT /api/users/{id}/roles); absent: unchanged',
  })
  @Omittable()
  @IsArray()
  @ArrayMinSize(1)
  @ValidateNested({ each: true })
  @Type(() => RoleGrantBody)
  roles?: RoleGrantBody[];

  @ApiPropertyOptional({ description: 'The installation role; absent: unchanged (owners only)' })
  @Omittable()
  @IsBoolean()
  owner?: boolean;

  @ApiPropertyOptional({
    description:
      'true: the user can no longer log in and every token they hold is refused at once; false: they may log in again',
  })
  @Omittable()
  @IsBoolean()
  disabled?: boolean;
}

@ApiTags('users')
@ApiBearerAuth()
@Controller('api/users')
export class ChangeUserController {
  constructor(
    private readonly commands: CommandBus,
    private readonly views: UserViews,
  ) {}

  @Patch(':id')
  @ApiOperation({
    summary:
      "Change a user: their e-mail address (anyone their own), their role grants, or disable or enable them. Every part or none changes. Another's address and disabling or enabling: the administrators of every environment the user holds a role in (an owner: an owner too); grants: the administrators of each environment whose grants change (the owner role: owners)",
  })
  @ApiHeader({ name: 'If-Match', required: false, description: 'The user version the change is based on' })
  @ApiParam({ name: 'id', format: 'uuid', description: 'The user id' })
  @ApiOkResponse({ type: UserSchema, description: 'The user as changed' })
  @ApiProblems({
    400: 'USER.INVALID: nothing to change, a malformed `email` or an invalid grant; an id that is not a UUID, or an invalid field',
    403: 'AUTH.ADMIN_REQUIRED: the caller does not administer every environment of the user (address, disabling) or one whose grants change; AUTH.OWNER_REQUIRED: an owner changed, or `owner` changed, by a non-owner',
    404: 'USER.NOT_FOUND: no such user, or one the caller may not see',
    409: 'USER.CANNOT_DISABLE_SELF: the caller disables themselves; USER.LAST_OWNER: the last owner who can log in is disabled or loses the role; EVENT_STORE.WRONG_EXPECTED_VERSION: the user changed concurrently',
    412: 'PRECONDITION_FAILED: If-Match names another version of the user',
  })
  async change(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: ChangeUserBody,
    @Ctx() context: RequestContext,
  ) {
    const { email, roles, owner, disabled } = body;
    const outcome = await this.commands.execute(
      new ChangeUserCommand(
        id,
        {
          ...(email === undefined ? {} : { email }),
          ...(roles === undefined
            ? {}
            : { roles: roles.map(({ environment, role }) => ({ environment, role })) }),
          ...(owner === undefined ? {} : { owner }),
          ...(disabled === undefined ? {} : { disabled }),
        },
        context,
      ),
    );
    return this.views.afterWrite(id, outcome.position);
  }
}
