import type { AuthProvider, HttpError } from '@refinedev/core';
import type { LoginResponse, User } from '../types';
import { http } from './http';
import { stopLiveStream } from './live-provider';
import {
  clearSession,
  forgetSessionExpired,
  isExpired,
  markSessionExpired,
  readSession,
  writeSession,
} from './session';
import { refreshSession } from './session-refresh';

export type LoginForm = { environment: string; username: string; password: string };

/** What the header shows: Refine's themed header reads `name`. */
export type Identity = User & { name: string };

const toError = (error: unknown): Error => {
  const { message, statusCode } = error as Partial<HttpError>;
  return { name: statusCode === 401 ? 'Login failed' : 'Error', message: message ?? 'Login failed' };
};

export const authProvider: AuthProvider = {
  login: async ({ environment, username, password }: LoginForm) => {
    try {
      const { data } = await http<LoginResponse>('/auth/login', {
        method: 'POST',
        body: { environment, username, password },
      });
      writeSession({
        accessToken: data.accessToken,
        expiresAt: data.expiresAt,
        user: data.user,
        environment,
        ...(data.passwordChangeRequired ? { passwordChangeRequired: true } : {}),
      });
      forgetSessionExpired();
      return { success: true, redirectTo: data.passwordChangeRequired ? '/change-password' : '/' };
    } catch (error) {
      return { success: false, error: toError(error) };
    }
  },

  logout: async () => {
    // Ends the session on the server too (every tab, every token); leaving works even if that fails.
    stopLiveStream();
    if (readSession()) await http('/auth/logout', { method: 'POST' }).catch(() => undefined);
    clearSession();
    return { success: true, redirectTo: '/login' };
  },

  check: async () => {
    let session = readSession();
    // The access token lapsed (a tab asleep past its refresh): the refresh cookie may continue the login.
    if (session && isExpired(session)) session = await refreshSession(session.accessToken);
    if (session && !isExpired(session)) {
      if (session.passwordChangeRequired !== true) return { authenticated: true };
      // A one-time password's session opens nothing but the change-password page (outside the console),
      // which needs it: checks made meanwhile (the login page's, once logged in) must leave it there.
      return { authenticated: false, redirectTo: '/change-password' };
    }
    clearSession();
    return { authenticated: false, logout: true, redirectTo: '/login' };
  },

  onError: async (error: Partial<HttpError>) => {
    if (error.statusCode === 401) {
      // The http layer already tried the refresh cookie: the login is over. The login page says so and,
      // once logged in again, comes back here (a form's values kept in this tab come back with it).
      if (readSession() !== undefined) markSessionExpired();
      clearSession();
      // Other calls refused with the same session land here once the login page shows: it stays as it is.
      if (window.location.pathname.startsWith('/login')) return {};
      const here = `${window.location.pathname}${window.location.search}`;
      return { logout: true, redirectTo: `/login?to=${encodeURIComponent(here)}`, error: toError(error) };
    }
    return {};
  },

  getIdentity: async (): Promise<Identity | null> => {
    const session = readSession();
    if (!session) return null;
    try {
      const { data } = await http<User>('/auth/me');
      // Read again: a refresh (maybe in another tab) may have replaced the token meanwhile.
      const latest = readSession();
      if (latest !== undefined) writeSession({ ...latest, user: data });
      return { ...data, name: data.displayName ?? data.username };
    } catch {
      return { ...session.user, name: session.user.displayName ?? session.user.username };
    }
  },

  getPermissions: async () => readSession()?.user.roles ?? [],
};
