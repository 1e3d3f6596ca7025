import { Body, Controller, Param, ParseUUIDPipe, Put } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBearerAuth,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMinSize, IsArray, IsBoolean, ValidateNested } from 'class-validator';
import { Ctx, type RequestContext } from '../../auth/request-context.decorator';
import { ApiProblems } from '../../../infrastructure/http/openapi/api-responses';
import { RoleGrantBody } from '../create-user/create-user.http';
import { UserSchema } from '../user-queries/user.schema';
import { UserViews } from '../user-queries/user-views';
import { ChangeUserCommand } from '../change-user/change-user.command';
import { Omittable } from '../../../infrastructure/http/omittable.decorator';

export class ChangeUserRolesBody {
  @ApiProperty({ type: [RoleGrantBody], description: 'Every grant the user holds afterwards' })
  @IsArray()
  @ArrayMinSize(1)
  @ValidateNested({ each: true })
  @Type(() => RoleGrantBody)
  roles!: RoleGrantBody[];

  @ApiPropertyOptional({ description: 'The installation role; absent: unchanged (owners only)' })
  @Omittable()
  @IsBoolean()
  owner?: boolean;
}

@ApiTags('users')
@ApiBearerAuth()
@Controller('api/users')
export class ChangeUserRolesController {
  constructor(
    private readonly commands: CommandBus,
    private readonly views: UserViews,
  ) {}

  @Put(':id/roles')
  @ApiOperation({
    summary:
      "Replace a user's role grants (administrators of each environment whose grants change; the owner role: owners). " +
      'Withdrawing a grant ends the sessions the user has open',
  })
  @ApiHeader({ name: 'If-Match', required: false, description: 'The user version the change is based on' })
  @ApiParam({ name: 'id', format: 'uuid', description: 'The user id' })
  @ApiOkResponse({ type: UserSchema, description: 'The user with their new grants' })
  @ApiProblems({
    400: 'USER.INVALID, an id that is not a UUID, or a missing or invalid field',
    403: 'AUTH.ADMIN_REQUIRED: a changed grant in an environment the caller does not administer; AUTH.OWNER_REQUIRED: `owner` changed by a non-owner',
    404: 'USER.NOT_FOUND: no such user, or one the caller may not see',
    409: 'USER.LAST_OWNER: the last owner who can log in keeps the role; EVENT_STORE.WRONG_EXPECTED_VERSION: the user changed concurrently',
    412: 'PRECONDITION_FAILED: If-Match names another version of the user',
  })
  async change(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: ChangeUserRolesBody,
    @Ctx() context: RequestContext,
  ) {
    const roles = body.roles.map(({ environment, role }) => ({ environment, role }));
    const owner = body.owner === undefined ? {} : { owner: body.owner };
    const outcome = await this.commands.execute(new ChangeUserCommand(id, { roles, ...owner }, context));
    return this.views.afterWrite(id, outcome.position);
  }
}
