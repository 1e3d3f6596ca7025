import { Inject, Injectable } from '@nestjs/common';
import { ApiKeyVerifier } from '../api-keys/api-key-verifier';
import { CLOCK, type Clock } from '../infrastructure/clock';
import { HttpProblem } from '../infrastructure/http/http-problem';
import { type HttpRequest } from '../infrastructure/http/http-types';
import { API_KEY_HEADER } from './accepts-api-key.decorator';
import { type AuthenticatedUser } from './authenticated-user';
import { TokenService } from './crypto/token-service';

const headerOf = (request: HttpRequest, name: string): string | undefined => {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
};

/**
 * Who calls: a bearer token's user, or, where `acceptsApiKey`, the app an `X-API-Key` belongs to.
 * Anything else is a 401 problem.
 */
@Injectable()
export class Authenticator {
  constructor(
    private readonly tokens: TokenService,
    private readonly apiKeys: ApiKeyVerifier,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  authenticate(request: HttpRequest, acceptsApiKey: boolean): AuthenticatedUser | Promise<AuthenticatedUser> {
    if (acceptsApiKey) {
      const apiKey = headerOf(request, API_KEY_HEADER.toLowerCase());
      if (apiKey !== undefined) return this.apiKeys.verify(apiKey);
    }
    const value = headerOf(request, 'authorization');
    if (!value || !value.startsWith('Bearer ')) throw HttpProblem.unauthorized();
    let claims;
    try {
      claims = this.tokens.verify(value.slice('Bearer '.length).trim(), this.clock.now());
    } catch {
      throw HttpProblem.unauthorized('The bearer token is invalid or expired; log in again');
    }
    return { id: claims.sub, username: claims.username, roles: claims.roles, environment: claims.env };
  }
}
