import { Body, Controller, HttpCode, Ip, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiNoContentResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import { ApiProblems } from '../../../infrastructure/http/openapi/api-responses';
import { PasswordChangeRoute } from '../password-change-route.decorator';
import { Ctx, type RequestContext } from '../request-context.decorator';
import { ChangePasswordCommand } from './change-password.command';

export class ChangePasswordBody {
  @ApiProperty({ description: 'The password the caller logged in with (a one-time one, or their own)' })
  @IsString()
  @Length(1, 200)
  currentPassword!: string;

  @ApiProperty({ minLength: 8, description: 'Hashed with scrypt; never stored or returned in clear' })
  @IsString()
  @Length(8, 200)
  newPassword!: string;
}

@ApiTags('auth')
@ApiBearerAuth()
@Controller('api/auth')
export class ChangePasswordController {
  constructor(private readonly commands: CommandBus) {}

  @Post('password')
  @HttpCode(204)
  @PasswordChangeRoute()
  @ApiOperation({
    summary:
      "Change the caller's password, giving the current one: the only call a session opened with a one-time " +
      'password may make. Every session of the caller ends (this one too): log in again with the new password',
  })
  @ApiNoContentResponse({ description: 'The password changed; every session of the caller ended' })
  @ApiProblems({
    400: 'AUTH.WRONG_PASSWORD: `currentPassword` is not the current password; USER.INVALID: the new password is the current one; a missing or invalid field',
    429: 'AUTH.TOO_MANY_ATTEMPTS: too many wrong passwords for this user or address; Retry-After says when to try again',
  })
  async change(
    @Body() body: ChangePasswordBody,
    @Ip() address: string,
    @Ctx() context: RequestContext,
  ): Promise<void> {
    await this.commands.execute(
      new ChangePasswordCommand(body.currentPassword, body.newPassword, address ?? 'unknown', context),
    );
  }
}
