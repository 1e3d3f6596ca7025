import { Controller, HttpCode, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBearerAuth,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiProperty,
  ApiSchema,
  ApiTags,
} from '@nestjs/swagger';
import { Ctx, type RequestContext } from '../../auth/request-context.decorator';
import { type HttpReply } from '../../../infrastructure/http/http-types';
import { ApiProblems } from '../../../infrastructure/http/openapi/api-responses';
import { ShownOnce } from '../../../infrastructure/idempotency/shown-once';
import { type PasswordReset, ResetUserPasswordCommand } from './reset-user-password.command';

@ApiSchema({ name: 'PasswordReset' })
export class PasswordResetSchema implements PasswordReset {
  @ApiProperty({
    example: 'K7QMZ-4RXPA-T9WHC-3NDEV',
    description:
      'Shown this once and stored nowhere but as a hash: hand it to the user, who logs in with it and must ' +
      'change it (POST /api/auth/password) before anything else',
  })
  oneTimePassword!: string;
}

@ApiTags('users')
@ApiBearerAuth()
@Controller('api/users')
export class ResetUserPasswordController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/password-reset')
  @HttpCode(200)
  @ShownOnce('oneTimePassword')
  @ApiOperation({
    summary:
      "Give a user a one-time password (another user's: the administrators of every environment they hold a role " +
      'in, an owner: an owner too). Every session of the user ends; a login with it may only change it',
    description:
      'A retry with the same Idempotency-Key answers without `oneTimePassword`: it is never stored. Reset again instead.',
  })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiParam({ name: 'id', format: 'uuid', description: 'The user id' })
  @ApiOkResponse({ type: PasswordResetSchema, description: 'The one-time password, shown this once' })
  @ApiProblems({
    400: 'An id that is not a UUID',
    403: 'AUTH.ADMIN_REQUIRED: the caller does not administer every environment of the user; AUTH.OWNER_REQUIRED: an owner, reset by a non-owner',
    404: 'USER.NOT_FOUND: no such user, or one the caller may not see',
    409: 'USER.CANNOT_RESET_OWN_PASSWORD: the caller resets their own (change it with POST /api/auth/password)',
  })
  async reset(
    @Param('id', ParseUUIDPipe) id: string,
    @Ctx() context: RequestContext,
    @Res({ passthrough: true }) reply: HttpReply,
  ): Promise<PasswordResetSchema> {
    const reset = await this.commands.execute(new ResetUserPasswordCommand(id, context));
    reply.header('Cache-Control', 'no-store');
    return reset;
  }
}
