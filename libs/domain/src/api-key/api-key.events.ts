import { type Event } from '../shared/event';
import { type ApiKeyScope } from './api-key-scope';

/**
 * An app's key to the data API of one environment. The key itself and its hash never enter an
 * event: the hash lives in the credential store, the event keeps only a hint to recognise it by.
 */
export type ApiKeyCreated = Event<
  'ApiKeyCreated',
  {
    keyId: string;
    environment: string;
    /** The app that calls the data API with this key. */
    appName: string;
    /** Free text shown in lists ("CI pipeline", "warehouse app prod"). */
    label: string;
    /** The key's last 4 characters, so an admin can tell keys apart. */
    hint: string;
    /**
     * What of the environment's data API the key may reach; absent: all of it (every key created
     * before scopes existed). Only what restricts is recorded: never an empty list, never `readOnly: false`.
     */
    scope?: ApiKeyScope;
    createdBy: string;
    createdAt: string;
  }
>;

export type ApiKeyRevoked = Event<
  'ApiKeyRevoked',
  { keyId: string; environment: string; revokedBy: string; revokedAt: string }
>;

export type ApiKeyEvent = ApiKeyCreated | ApiKeyRevoked;

export const API_KEY_EVENT_TYPES: readonly ApiKeyEvent['type'][] = ['ApiKeyCreated', 'ApiKeyRevoked'];
