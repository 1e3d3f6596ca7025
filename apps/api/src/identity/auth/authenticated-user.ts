import { type RoleGrant } from '@ib/domain';

/**
 * Who is calling: a user with their current role grants and installation role (`owner`), and the
 * environment they logged in to. An app calling with an API key is a developer of the key's
 * environment, named after the app, with `apiKey` set. What they may do: see policy.ts.
 */
export type AuthenticatedUser = Readonly<{
  id: string;
  username: string;
  roles: readonly RoleGrant[];
  owner: boolean;
  environment: string;
  apiKey?: Readonly<{ keyId: string; appName: string }>;
}>;

/**
 * Per-request facts that go into every event's metadata. With an Idempotency-Key, `causationId` is
 * derived from the caller, the key and its reservation time, so every attempt of one request writes
 * under the same causation and a retry recognises the events of an attempt that crashed.
 */
export type Actor = Readonly<{
  userId: string;
  correlationId: string;
  causationId: string;
  idempotencyKey?: string;
}>;
