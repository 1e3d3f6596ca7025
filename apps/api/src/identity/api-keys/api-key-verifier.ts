import { Inject, Injectable } from '@nestjs/common';
import { timingSafeEqual } from 'node:crypto';
import { type ApiKeyCreated, type ApiKeyRevoked, type RecordedEvent } from '@ib/domain';
import { API_KEY_CHALLENGE } from '../auth/accepts-api-key.decorator';
import { type AuthenticatedUser } from '../auth/authenticated-user';
import { ApiKeyHashStore } from '../auth/crypto/api-key-hash-store';
import { EVENT_STORE, type EventStore } from '../../infrastructure/event-store/event-store.port';
import { LogFollower } from '../../infrastructure/event-store/log-follower';
import { Unauthenticated } from '../../infrastructure/access/access-errors';
import { hashApiKey, keyIdOf } from './api-key-material';

type KnownKey = { principal: AuthenticatedUser; active: boolean; hash?: Buffer };

/** Told about API keys, not bearer tokens: an app with a wrong key must learn which credential failed. */
const refused = () =>
  new Unauthenticated('AUTH.INVALID_API_KEY', 'The API key is invalid or revoked', API_KEY_CHALLENGE);

const principalOf = ({ keyId, appName, environment }: ApiKeyCreated['data']): AuthenticatedUser => ({
  id: `api-key:${keyId}`,
  username: appName,
  roles: [{ environment, role: 'developer' }],
  owner: false,
  environment,
  apiKey: { keyId, appName },
});

/**
 * Turns an `X-API-Key` header into the app it authenticates. The keys and their state are folded
 * from the event store, caught up to its head before every answer, so a revocation holds from the
 * very next request on (the catch-up reads only what is new: usually nothing, from memory). A
 * key's hash is read from the credential file once and then kept.
 */
@Injectable()
export class ApiKeyVerifier {
  private readonly keys = new Map<string, KnownKey>();
  private readonly log: LogFollower;

  constructor(
    @Inject(EVENT_STORE) store: EventStore,
    private readonly hashes: ApiKeyHashStore,
  ) {
    this.log = new LogFollower(store, (event) => this.apply(event));
  }

  /** `asOf`: a head position the caller read after it began (see LogHead), instead of one read here. */
  async verify(key: string, asOf?: number): Promise<AuthenticatedUser> {
    const keyId = keyIdOf(key);
    if (keyId === undefined) throw refused();
    await (asOf === undefined ? this.log.catchUp() : this.log.catchUpTo(asOf));
    const known = this.keys.get(keyId);
    if (known === undefined || !known.active) throw refused();
    known.hash ??= this.storedHash(keyId);
    if (known.hash === undefined) throw refused();
    const presented = Buffer.from(hashApiKey(key), 'hex');
    if (presented.length !== known.hash.length || !timingSafeEqual(presented, known.hash)) throw refused();
    return known.principal;
  }

  private storedHash(keyId: string): Buffer | undefined {
    const hex = this.hashes.get(keyId);
    return hex === undefined ? undefined : Buffer.from(hex, 'hex');
  }

  private apply(event: RecordedEvent): void {
    switch (event.type) {
      case 'ApiKeyCreated': {
        const data = event.data as ApiKeyCreated['data'];
        this.keys.set(data.keyId, { principal: principalOf(data), active: true });
        return;
      }
      case 'ApiKeyRevoked': {
        const known = this.keys.get((event.data as ApiKeyRevoked['data']).keyId);
        if (known === undefined) return;
        known.active = false;
        known.hash = undefined;
        return;
      }
      default:
        return;
    }
  }
}
