import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiKeyVerifier } from '../api-keys/api-key-verifier';
import { CLOCK, type Clock } from '../infrastructure/clock';
import { HttpProblem } from '../infrastructure/http/http-problem';
import { type HttpRequest } from '../infrastructure/http/http-types';
import { ACCEPTS_API_KEY, API_KEY_HEADER } from './accepts-api-key.decorator';
import { TokenService } from './crypto/token-service';
import { IS_PUBLIC } from './public.decorator';

const headerOf = (request: HttpRequest, name: string): string | undefined => {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
};

/**
 * Every route needs a valid bearer token unless marked @Public(). Routes marked @AcceptsApiKey()
 * take an `X-API-Key` instead; anywhere else that header is ignored, so a leaked app key opens
 * nothing but the data API of its environment.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
    private readonly apiKeys: ApiKeyVerifier,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  canActivate(context: ExecutionContext): boolean | Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const request = context.switchToHttp().getRequest<HttpRequest>();
    if (this.reflector.getAllAndOverride<boolean>(ACCEPTS_API_KEY, targets)) {
      const apiKey = headerOf(request, API_KEY_HEADER.toLowerCase());
      if (apiKey !== undefined) return this.authenticateApp(request, apiKey);
    }
    const value = headerOf(request, 'authorization');
    if (!value || !value.startsWith('Bearer ')) throw HttpProblem.unauthorized();
    let claims;
    try {
      claims = this.tokens.verify(value.slice('Bearer '.length).trim(), this.clock.now());
    } catch {
      throw HttpProblem.unauthorized('The bearer token is invalid or expired; log in again');
    }
    request.user = {
      id: claims.sub,
      username: claims.username,
      roles: claims.roles,
      environment: claims.env,
    };
    return true;
  }

  private async authenticateApp(request: HttpRequest, apiKey: string): Promise<boolean> {
    request.user = await this.apiKeys.verify(apiKey);
    return true;
  }
}
