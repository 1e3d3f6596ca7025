import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { CLOCK, type Clock } from '../infrastructure/clock';
import { HttpProblem } from '../infrastructure/http/http-problem';
import { type HttpRequest } from '../infrastructure/http/http-types';
import { TokenService } from './crypto/token-service';
import { IS_PUBLIC } from './public.decorator';

/** Every route needs a valid bearer token unless marked @Public(). */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()]))
      return true;
    const request = context.switchToHttp().getRequest<HttpRequest>();
    const authorization = request.headers.authorization;
    const value = Array.isArray(authorization) ? authorization[0] : authorization;
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
}
