import { type ApiKeyScope, type RoleGrant } from '@ib/domain';
import { type HttpRequest } from '../../infrastructure/http/http-types';
import { type SessionStaleness } from './stale-session';

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
  /** An app's key: `scope` limits what of the data API it reaches (absent: all of it). */
  apiKey?: Readonly<{ keyId: string; appName: string; scope?: ApiKeyScope }>;
  /** Logged in with a one-time password: they may only change it. */
  mustChangePassword?: true;
  /** The bearer token tells other roles than the user holds now: the answer says so (see stale-session.ts). */
  staleSession?: SessionStaleness;
}>;

export { type Actor } from '../../infrastructure/command-handling/actor';

/** A request once the authentication guard has run: its user is the whole caller. */
export type AuthenticatedRequest = HttpRequest & { user?: AuthenticatedUser };
