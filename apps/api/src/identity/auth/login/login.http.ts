import { Body, Controller, Get, HttpCode, Ip, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBearerAuth,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiTags,
} from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import { ApiProblems } from '../../../infrastructure/http/openapi/api-responses';
import { Public } from '../public.decorator';
import { Ctx, type RequestContext } from '../request-context.decorator';
import { LoginCommand } from './login.command';
import { CurrentUserSchema, LoginResultSchema } from './login.schema';
import { LogoutCommand } from './logout.command';

export class LoginBody {
  @ApiProperty({ example: 'development' })
  @IsString()
  @Length(1, 40)
  environment!: string;

  @ApiProperty({ example: 'admin' })
  @IsString()
  @Length(1, 64)
  username!: string;

  @ApiProperty()
  @IsString()
  @Length(1, 200)
  password!: string;
}

@ApiTags('auth')
@Controller('api/auth')
export class LoginController {
  constructor(private readonly commands: CommandBus) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Log in to an environment with IT user credentials; returns a short-lived bearer token',
  })
  @ApiOkResponse({ type: LoginResultSchema })
  @ApiProblems({
    400: 'A missing or invalid field',
    401: 'AUTH.INVALID_CREDENTIALS: unknown user or wrong password (the answer does not tell which); AUTH.USER_DISABLED: the right password of a disabled user',
    403: 'AUTH.NO_ACCESS_TO_ENVIRONMENT: the environment does not exist or the user holds no role in it',
    429: 'AUTH.TOO_MANY_ATTEMPTS: too many failed logins for this username or address; Retry-After says when to try again',
  })
  login(@Body() body: LoginBody, @Ip() address: string) {
    return this.commands.execute(
      new LoginCommand(body.environment, body.username, body.password, address ?? 'unknown'),
    );
  }

  @Post('logout')
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'End every session of the caller: their bearer tokens are refused from now on' })
  @ApiNoContentResponse({ description: 'Every session of the caller ended' })
  async logout(@Ctx() context: RequestContext): Promise<void> {
    await this.commands.execute(new LogoutCommand(context));
  }

  @Get('me')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'The caller with their current roles' })
  @ApiOkResponse({ type: CurrentUserSchema })
  me(@Ctx() context: RequestContext) {
    const { id, username, roles, owner, environment } = context.user;
    return { id, username, roles, owner, environment };
  }
}
