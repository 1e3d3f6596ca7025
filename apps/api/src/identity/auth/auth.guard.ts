import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { type HttpReply, type HttpRequest } from '../../infrastructure/http/http-types';
import { ApiKeyUsage } from '../api-keys/api-key-usage/api-key-usage';
import { ACCEPTS_API_KEY } from './accepts-api-key.decorator';
import { Authenticator } from './authenticator';
import { PASSWORD_CHANGE_ROUTE } from './password-change-route.decorator';
import { IS_PUBLIC } from './public.decorator';
import { SESSION_STALE_HEADER } from './stale-session';

/**
 * Every route needs a valid bearer token unless marked @Public(). Routes marked @AcceptsApiKey()
 * take an `X-API-Key` instead; anywhere else that header is ignored, so a leaked app key opens
 * nothing but the data API of its environment and the description of it. A call made with a key
 * counts in its usage, as a data call does, whatever the route answers next. A token that tells other
 * roles than its user holds now gets its answer (whatever it is) with `X-Session-Stale: roles`, so the
 * console refreshes its session.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly authenticator: Authenticator,
    private readonly usage: ApiKeyUsage,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const request = context.switchToHttp().getRequest<HttpRequest>();
    const acceptsApiKey = this.reflector.getAllAndOverride<boolean>(ACCEPTS_API_KEY, targets) === true;
    const passwordChange = this.reflector.getAllAndOverride<boolean>(PASSWORD_CHANGE_ROUTE, targets) === true;
    const user = await this.authenticator.authenticate(request, { acceptsApiKey, passwordChange });
    request.user = user;
    if (user.apiKey !== undefined) this.usage.record(user.apiKey.keyId);
    if (user.staleSession !== undefined)
      context.switchToHttp().getResponse<HttpReply>().header(SESSION_STALE_HEADER, user.staleSession);
    return true;
  }
}
