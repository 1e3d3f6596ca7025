import type { LoginResponse, Role, User } from '../types';

/**
 * The login answer plus the environment the user logged into. With `passwordChangeRequired` the token
 * may only change the password (see the change-password page).
 */
export type Session = Pick<LoginResponse, 'accessToken' | 'expiresAt' | 'user'> & {
  environment: string;
  passwordChangeRequired?: boolean;
};

const KEY = 'integration-builder.session';
/** This tab lost its session without logging out: the login page says so. */
const EXPIRED_KEY = 'integration-builder.session-expired';
/** Told to this tab's listeners when it writes or clears the session (other tabs hear `storage`). */
const CHANGED = 'integration-builder:session-changed';

/*
 * In localStorage, so the browser's tabs share one login: a login, a refresh or a logout in one tab
 * holds in the others (they hear it through the `storage` event). The access token lives 15 minutes;
 * what continues the session is the refresh cookie, which no script can read.
 */
export const readSession = (): Session | undefined => {
  const raw = localStorage.getItem(KEY);
  if (!raw) return undefined;
  try {
    return JSON.parse(raw) as Session;
  } catch {
    localStorage.removeItem(KEY);
    return undefined;
  }
};

export const writeSession = (session: Session): void => {
  localStorage.setItem(KEY, JSON.stringify(session));
  window.dispatchEvent(new Event(CHANGED));
};

export const clearSession = (): void => {
  localStorage.removeItem(KEY);
  window.dispatchEvent(new Event(CHANGED));
};

/**
 * Calls `listener` whenever this tab or another one (`elsewhere`) writes or clears the session; returns
 * the unsubscribe.
 */
export const onSessionChange = (listener: (elsewhere: boolean) => void): (() => void) => {
  const onStorage = (event: StorageEvent) => {
    if (event.key === KEY || event.key === null) listener(true);
  };
  const onHere = () => listener(false);
  window.addEventListener('storage', onStorage);
  window.addEventListener(CHANGED, onHere);
  return () => {
    window.removeEventListener('storage', onStorage);
    window.removeEventListener(CHANGED, onHere);
  };
};

export const markSessionExpired = (): void => sessionStorage.setItem(EXPIRED_KEY, 'true');
export const sessionExpired = (): boolean => sessionStorage.getItem(EXPIRED_KEY) === 'true';
export const forgetSessionExpired = (): void => sessionStorage.removeItem(EXPIRED_KEY);

export const isExpired = (session: Session, now = Date.now()): boolean =>
  Date.parse(session.expiresAt) <= now;

export const hasRole = (user: User | undefined, role: Role, environment: string | undefined): boolean =>
  user?.roles.some((grant) => grant.role === role && grant.environment === environment) ?? false;

/** The environment the builder works in: the one chosen on the login page. */
export const currentEnvironment = (): string => readSession()?.environment ?? 'development';

/**
 * Where the console opens: what waits for their decision for administrators of the environment they
 * logged into and for owners, their integrations for everyone else.
 */
export const homePath = (session: Session | undefined): string =>
  session !== undefined && (session.user.owner || hasRole(session.user, 'admin', session.environment))
    ? '/approvals'
    : '/integrations';
