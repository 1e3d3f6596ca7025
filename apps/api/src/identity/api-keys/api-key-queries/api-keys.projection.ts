import {
  API_KEY_EVENT_TYPES,
  type ApiKeyEvent,
  type ApiKeyScope,
  assertNever,
  type RecordedEvent,
} from '@ib/domain';
import { isOneOf, type Projection, type RecordedOf } from '../../../infrastructure/read-model/projection';

/** An app's key as admins list it: the key and its hash never get here, only a hint to tell keys apart. */
export type ApiKeyView = Readonly<{
  id: string;
  environment: string;
  appName: string;
  label: string;
  hint: string;
  /** What of the data API the key may reach; absent: all of it. */
  scope?: ApiKeyScope;
  status: 'active' | 'revoked';
  createdBy: string;
  createdAt: string;
  revokedBy?: string;
  revokedAt?: string;
}>;

/** Field by field too: only what a scope is made of. */
const scopeOf = ({ integrations, entities, readOnly }: ApiKeyScope): ApiKeyScope => ({
  ...(integrations === undefined ? {} : { integrations: [...integrations] }),
  ...(entities === undefined
    ? {}
    : { entities: entities.map(({ integrationId, entity }) => ({ integrationId, entity })) }),
  ...(readOnly === true ? { readOnly } : {}),
});

const isApiKeyEvent = isOneOf<ApiKeyEvent>(API_KEY_EVENT_TYPES);

const evolve = (view: ApiKeyView | undefined, recorded: RecordedEvent): ApiKeyView | undefined => {
  if (!isApiKeyEvent(recorded)) return view;
  switch (recorded.type) {
    case 'ApiKeyCreated': {
      // Field by field, so whatever else a later event version carries cannot leak into the list.
      const { keyId, environment, appName, label, hint, scope, createdBy, createdAt } = recorded.data;
      return {
        id: keyId,
        environment,
        appName,
        label,
        hint,
        ...(scope === undefined ? {} : { scope: scopeOf(scope) }),
        status: 'active',
        createdBy,
        createdAt,
      };
    }
    case 'ApiKeyRevoked': {
      // Kept, flagged: admins still recognise a revoked key that an app keeps calling with.
      const { revokedBy, revokedAt } = recorded.data;
      return view && { ...view, status: 'revoked', revokedBy, revokedAt };
    }
    default:
      return assertNever(recorded);
  }
};

export const apiKeysProjection: Projection<ApiKeyView> = {
  name: 'api_keys',
  handles: API_KEY_EVENT_TYPES,
  idOf: (event) => (event as RecordedOf<ApiKeyEvent>).data.keyId,
  evolve,
};
