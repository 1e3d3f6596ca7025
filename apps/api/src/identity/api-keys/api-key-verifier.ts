import { Injectable } from '@nestjs/common';
import { ForbiddenError } from '@ib/domain';
import { timingSafeEqual } from 'node:crypto';
import { API_KEY_CHALLENGE } from '../auth/accepts-api-key.decorator';
import { type AuthenticatedUser } from '../auth/authenticated-user';
import { ApiKeyHashStore } from '../auth/crypto/api-key-hash-store.port';
import { AnswersAsOf } from '../../infrastructure/consistency/answers-as-of';
import { CurrentViews } from '../../infrastructure/consistency/current-views';
import { Unauthenticated } from '../../infrastructure/access/access-errors';
import { ApiKeyViews, type ApiKeyView } from './api-key-queries/api-key-views';
import { hashApiKey, keyIdOf } from './api-key-material';

/** Told about API keys, not bearer tokens: an app with a wrong key must learn which credential failed. */
const refused = () =>
  new Unauthenticated('AUTH.INVALID_API_KEY', 'The API key is invalid or revoked', API_KEY_CHALLENGE);

/** The key itself was presented (its secret matched): the app may learn that it was revoked, and when. */
const revoked = ({ environment, revokedAt }: ApiKeyView) =>
  new ForbiddenError(
    'API_KEY.REVOKED',
    `This API key was revoked${revokedAt === undefined ? '' : ` at ${revokedAt}`}: ` +
      `ask an administrator of environment '${environment}' for a new one`,
  );

const principalOf = ({ id: keyId, appName, environment, scope }: ApiKeyView): AuthenticatedUser => ({
  id: `api-key:${keyId}`,
  username: appName,
  roles: [{ environment, role: 'developer' }],
  owner: false,
  environment,
  apiKey: { keyId, appName, ...(scope === undefined ? {} : { scope }) },
});

/**
 * Turns an `X-API-Key` header into the app it authenticates. A key's state is read from the api_keys
 * view once it has passed a head position read after the request began, so a revocation holds from the
 * very next request on: 403 API_KEY.REVOKED when the key presented is the revoked key itself (its hash
 * is kept on revocation for that; a key revoked before it was has none and stays a plain 401), 401
 * for anything else. A key's hash is read from the credential store once and then kept.
 */
@Injectable()
export class ApiKeyVerifier {
  private readonly hashOf = new Map<string, Buffer>();
  /** Keys as read from the view, read again only once the head has moved (see AnswersAsOf). */
  private readonly keys = new AnswersAsOf<ApiKeyView | undefined>();

  constructor(
    private readonly apiKeys: ApiKeyViews,
    private readonly views: CurrentViews,
    private readonly hashes: ApiKeyHashStore,
  ) {}

  /** `asOf`: a head position the caller read after it began (see LogHead), instead of one read here. */
  async verify(key: string, asOf?: number): Promise<AuthenticatedUser> {
    const keyId = keyIdOf(key);
    if (keyId === undefined) throw refused();
    const head = await this.views.upTo(asOf);
    const known = this.keys.get(keyId, head) ?? (await this.keyAsOf(keyId, head));
    if (known === undefined) throw refused();
    const hash = await this.storedHash(keyId);
    if (hash === undefined) throw refused();
    const presented = Buffer.from(hashApiKey(key), 'hex');
    if (presented.length !== hash.length || !timingSafeEqual(presented, hash)) throw refused();
    // Only now: told apart from a wrong key only to whoever holds the revoked key itself.
    if (known.status !== 'active') throw revoked(known);
    return principalOf(known);
  }

  private async keyAsOf(keyId: string, head: number): Promise<ApiKeyView | undefined> {
    const key = await this.apiKeys.find(keyId);
    this.keys.set(keyId, head, key);
    return key;
  }

  private async storedHash(keyId: string): Promise<Buffer | undefined> {
    const known = this.hashOf.get(keyId);
    if (known !== undefined) return known;
    const hex = await this.hashes.get(keyId);
    if (hex === undefined) return undefined;
    const hash = Buffer.from(hex, 'hex');
    this.hashOf.set(keyId, hash);
    return hash;
  }
}
