import { Controller, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCookieAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { APP_CONFIG } from '../../../config/app-config.provider';
import { type AppConfig } from '../../../config/app-config';
import { type HttpReply, type HttpRequest } from '../../../infrastructure/http/http-types';
import { ApiProblems } from '../../../infrastructure/http/openapi/api-responses';
import { type LoginResult, type SessionGrant } from '../login/login.command';
import { LoginResultSchema } from '../login/login.schema';
import { Public } from '../public.decorator';
import {
  REFRESH_COOKIE,
  clearRefreshCookie,
  cookiesSecure,
  refreshTokenOf,
  setRefreshCookie,
} from './refresh-cookie';
import { RefreshCommand } from './refresh.command';

/** Sets the refresh cookie of a login or refresh and answers the rest. */
export function answerWithCookie(
  grant: SessionGrant,
  { reply, request, config }: Readonly<{ reply: HttpReply; request: HttpRequest; config: AppConfig }>,
): LoginResult {
  setRefreshCookie(reply, grant.refresh, cookiesSecure(config.publicUrl, request));
  return grant.answer;
}

@ApiTags('auth')
@Controller('api/auth')
export class RefreshController {
  constructor(
    private readonly commands: CommandBus,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Public()
  @Post('refresh')
  @HttpCode(200)
  @ApiCookieAuth(REFRESH_COOKIE)
  @ApiOperation({
    summary:
      `Continue a login: spends the \`${REFRESH_COOKIE}\` cookie login set (HttpOnly, path /api/auth) for a new ` +
      "bearer token with the user's current roles and the next cookie. A cookie works once: a spent one " +
      'coming back ends every session continuing that login',
  })
  @ApiOkResponse({ type: LoginResultSchema })
  @ApiProblems({
    401:
      'AUTH.REFRESH_TOKEN_INVALID: no cookie, or an unknown, expired or revoked one; AUTH.REFRESH_TOKEN_REUSED: a spent ' +
      "cookie came back, so the login's sessions ended; AUTH.SESSION_ENDED: the user's sessions ended since the " +
      'login (a logout, a new password, a withdrawn role); AUTH.USER_DISABLED',
  })
  async refresh(
    @Req() request: HttpRequest,
    @Res({ passthrough: true }) reply: HttpReply,
  ): Promise<LoginResult> {
    const secure = cookiesSecure(this.config.publicUrl, request);
    try {
      const grant = await this.commands.execute(new RefreshCommand(refreshTokenOf(request)));
      return answerWithCookie(grant, { reply, request, config: this.config });
    } catch (error) {
      // A cookie that will never work again is dropped, so the browser stops sending it.
      clearRefreshCookie(reply, secure);
      throw error;
    }
  }
}
