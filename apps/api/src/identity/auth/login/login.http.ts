import { Body, Controller, Get, HttpCode, Inject, Ip, Post, Req, Res } from '@nestjs/common';
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
import { APP_CONFIG } from '../../../config/app-config.provider';
import { type AppConfig } from '../../../config/app-config';
import { type HttpReply, type HttpRequest } from '../../../infrastructure/http/http-types';
import { ApiProblems } from '../../../infrastructure/http/openapi/api-responses';
import { REFRESH_COOKIE, clearRefreshCookie, cookiesSecure } from '../refresh/refresh-cookie';
import { answerWithCookie } from '../refresh/refresh.http';
import { Public } from '../public.decorator';
import { Ctx, type RequestContext } from '../request-context.decorator';
import { LoginCommand, type LoginResult } from './login.command';
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
  constructor(
    private readonly commands: CommandBus,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Log in to an environment with IT user credentials; returns a short-lived bearer token, and sets the ' +
      `\`${REFRESH_COOKIE}\` cookie (HttpOnly, SameSite=Strict, path /api/auth) that POST /api/auth/refresh spends for the next one`,
  })
  @ApiOkResponse({ type: LoginResultSchema })
  @ApiProblems({
    400: 'A missing or invalid field',
    401: 'AUTH.INVALID_CREDENTIALS: unknown user or wrong password (the answer does not tell which); AUTH.USER_DISABLED: the right password of a disabled user',
    403: 'AUTH.NO_ACCESS_TO_ENVIRONMENT: the environment does not exist or the user holds no role in it',
    429: 'AUTH.TOO_MANY_ATTEMPTS: too many failed logins for this username or address; Retry-After says when to try again',
  })
  async login(
    @Body() body: LoginBody,
    @Ip() address: string,
    @Req() request: HttpRequest,
    @Res({ passthrough: true }) reply: HttpReply,
  ): Promise<LoginResult> {
    const grant = await this.commands.execute(
      new LoginCommand(body.environment, body.username, body.password, address ?? 'unknown'),
    );
    return answerWithCookie(grant, { reply, request, config: this.config });
  }

  @Post('logout')
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiOperation({
    summary:
      'End every session of the caller: their bearer tokens and refresh cookies are refused from now on, in every tab and browser',
  })
  @ApiNoContentResponse({ description: 'Every session of the caller ended' })
  async logout(
    @Ctx() context: RequestContext,
    @Req() request: HttpRequest,
    @Res({ passthrough: true }) reply: HttpReply,
  ): Promise<void> {
    await this.commands.execute(new LogoutCommand(context));
    clearRefreshCookie(reply, cookiesSecure(this.config.publicUrl, request));
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
