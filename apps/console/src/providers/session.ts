import type { LoginResponse, Role, User } from '../types';

/**
 * The login answer plus the environment the user logged into; kept per browser tab. With
 * `passwordChangeRequired` the token may only change the password (see the change-password page).
 */
export type Session = Pick<LoginResponse, 'accessToken' | 'expiresAt' | 'user'> & {
  environment: string;
  passwordChangeRequired?: boolean;
};

const KEY = 'integration-builder.session';

export const readSession = (): Session | undefined => {
  const raw = sessionStorage.getItem(KEY);
  if (!raw) return undefined;
  try {
    return JSON.parse(raw) as Session;
  } catch {
    sessionStorage.removeItem(KEY);
    return undefined;
  }
};

export const writeSession = (session: Session): void => sessionStorage.setItem(KEY, JSON.stringify(session));

export const clearSession = (): void => sessionStorage.removeItem(KEY);

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
