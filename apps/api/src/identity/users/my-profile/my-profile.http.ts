import { Body, Controller, Get, Put } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBearerAuth,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsArray, IsIn, IsString, MaxLength, ValidateIf, ValidateNested } from 'class-validator';
import { EMAIL_MAX_LENGTH, NOTIFICATION_KINDS, type NotificationKind } from '@ib/domain';
import { Ctx, type RequestContext } from '../../auth/request-context.decorator';
import { ApiProblems } from '../../../infrastructure/http/openapi/api-responses';
import { Omittable } from '../../../infrastructure/http/omittable.decorator';
import { UserViews } from '../user-queries/user-views';
import { ChangeMyProfileCommand } from './change-my-profile.command';
import { myProfileOf } from './my-profile';
import { MyProfileSchema } from './my-profile.schema';

export class NotificationSettingsBody {
  @ApiProperty({
    enum: NOTIFICATION_KINDS,
    isArray: true,
    description: 'Every kind that goes by email from now on; the others stay in-app only',
  })
  @IsArray()
  @IsIn(NOTIFICATION_KINDS, { each: true })
  email!: NotificationKind[];
}

export class ChangeMyProfileBody {
  @ApiPropertyOptional({
    type: 'string',
    nullable: true,
    format: 'email',
    maxLength: EMAIL_MAX_LENGTH,
    example: 'dana@example.com',
    description: 'The new address (its domain is stored lower-case); null: none; absent: unchanged',
  })
  @ValidateIf((_object: object, value: unknown) => value !== undefined && value !== null)
  @IsString()
  @MaxLength(EMAIL_MAX_LENGTH)
  email?: string | null;

  @ApiPropertyOptional({ type: NotificationSettingsBody, description: 'Absent: unchanged' })
  @Omittable()
  @ValidateNested()
  @Type(() => NotificationSettingsBody)
  notifications?: NotificationSettingsBody;
}

/**
 * The caller's own profile. Declared before the routes of `/api/users/:id` (see the identity module),
 * since Express tries routes in that order and would take `me` for an id.
 */
@ApiTags('users')
@ApiBearerAuth()
@Controller('api/users/me')
export class MyProfileController {
  constructor(
    private readonly commands: CommandBus,
    private readonly views: UserViews,
  ) {}

  @Get()
  @ApiOperation({ summary: 'The caller, with their e-mail address and the notification settings in effect' })
  @ApiOkResponse({ type: MyProfileSchema })
  async get(@Ctx() context: RequestContext) {
    return myProfileOf(await this.views.get(context.user.id));
  }

  @Put()
  @ApiOperation({
    summary:
      "Change the caller's own e-mail address and which notifications also go by email (anyone logged in, auditors too)",
  })
  @ApiHeader({ name: 'If-Match', required: false, description: 'The user version the change is based on' })
  @ApiOkResponse({ type: MyProfileSchema, description: 'The caller with the change' })
  @ApiProblems({
    400: 'USER.INVALID: a malformed `email`; REQUEST.INVALID: an unknown notification kind or another invalid field',
    409: 'EVENT_STORE.WRONG_EXPECTED_VERSION: the user changed concurrently',
    412: 'PRECONDITION_FAILED: If-Match names another version of the user',
  })
  async change(@Body() body: ChangeMyProfileBody, @Ctx() context: RequestContext) {
    const { notifications } = body;
    const outcome = await this.commands.execute(
      new ChangeMyProfileCommand(
        { email: body.email, ...(notifications ? { notifications: { email: notifications.email } } : {}) },
        context,
      ),
    );
    return myProfileOf(await this.views.afterWrite(context.user.id, outcome.position));
  }
}
