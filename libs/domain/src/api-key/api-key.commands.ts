import { type Command } from '../shared/command';
import { type ApiKeyScope } from './api-key-scope';

/** The handler generates the key, stores its hash and passes only what the rules need. */
export type CreateApiKey = Command<
  'CreateApiKey',
  { keyId: string; environment: string; appName: string; label?: string; hint: string; scope?: ApiKeyScope }
>;

export type RevokeApiKey = Command<'RevokeApiKey', { keyId: string; environment: string }>;

export type ApiKeyCommand = CreateApiKey | RevokeApiKey;
