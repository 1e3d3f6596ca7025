import type { LoginResponse } from '../types';
import {
  clearSession,
  isExpired,
  markSessionExpired,
  readSession,
  type Session,
  writeSession,
} from './session';

const LOCK = 'integration-builder.session-refresh';

/** Refreshes started in this tab share one call. */
let inFlight: Promise<Session | undefined> | undefined;

/**
 * Spends the refresh cookie for a new access token and the user's current roles. `seenToken` is the
 * token the caller found refused or about to expire; resolves to the session to go on with, or
 * undefined when the login is over (the session is cleared and the login page says it expired).
 *
 * A refresh cookie works once, and a spent one coming back ends the login (theft detection), so two
 * tabs must never refresh with the same cookie. Tabs take turns through a Web Lock; the tab that gets
 * it second finds the session another tab refreshed meanwhile (a token other than `seenToken`) and uses
 * it. Browsers without Web Locks (none current) refresh without one.
 */
export function refreshSession(seenToken: string | undefined): Promise<Session | undefined> {
  inFlight ??= exclusively(() => refresh(seenToken)).finally(() => {
    inFlight = undefined;
  });
  return inFlight;
}

const exclusively = <T>(action: () => Promise<T>): Promise<T> =>
  typeof navigator !== 'undefined' && navigator.locks !== undefined
    ? // The lock's promise settles with the action's (its typing nests them).
      (navigator.locks.request(LOCK, action) as unknown as Promise<T>)
    : action();

async function refresh(seenToken: string | undefined): Promise<Session | undefined> {
  const current = readSession();
  if (current === undefined) return undefined;
  if (current.accessToken !== seenToken && !isExpired(current)) return current;
  let response: Response;
  try {
    response = await fetch('/api/auth/refresh', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { Accept: 'application/json' },
    });
  } catch {
    // The API is unreachable (restarting): the login may well go on once it is back.
    return undefined;
  }
  if (response.status === 401) {
    clearSession();
    markSessionExpired();
    return undefined;
  }
  if (!response.ok) return undefined;
  const data = (await response.json()) as LoginResponse;
  const next: Session = {
    accessToken: data.accessToken,
    expiresAt: data.expiresAt,
    user: data.user,
    environment: current.environment,
    ...(data.passwordChangeRequired ? { passwordChangeRequired: true } : {}),
  };
  writeSession(next);
  return next;
}

/** Said by the API on an answer to a token that tells other roles than its user holds now. */
export const SESSION_STALE_HEADER = 'X-Session-Stale';

/** The last token this tab refreshed because the API called it stale: once per token is enough. */
let staleToken: string | undefined;

/**
 * When the API answered `token` with X-Session-Stale (a role was granted since it was issued), refreshes
 * the session once, without holding up the answer: the new session carries the user's current roles,
 * and the console's menus and pickers follow it (see SessionSync). Another tab that meanwhile refreshed
 * leaves nothing to do (see refreshSession).
 */
export function refreshIfStale(response: Response, token: string | undefined): void {
  if (token === undefined || token === staleToken || !response.headers.has(SESSION_STALE_HEADER)) return;
  staleToken = token;
  void refreshSession(token);
}

/** A minute before the access token expires (at once when it has), so pages never meet an expired one. */
export const refreshDelayMs = (session: Session, now = Date.now()): number =>
  Math.max(
    0,
    Date.parse(session.expiresAt) - now - Math.min(60_000, (Date.parse(session.expiresAt) - now) / 4),
  );
