import { useEffect, useRef } from 'react';
import { useInvalidateAuthStore } from '@refinedev/core';
import { useQueryClient } from '@tanstack/react-query';
import { useLocation, useNavigate } from 'react-router';
import { onSessionChange, readSession } from '../providers/session';
import { refreshDelayMs, refreshSession } from '../providers/session-refresh';

/** What the user may do: their grants and whether they own the installation (not their name, nor its shape). */
const rolesOf = () => {
  const user = readSession()?.user;
  return JSON.stringify(user === undefined ? null : { roles: user.roles, owner: user.owner });
};

/**
 * One login for the browser's tabs. Refreshes the access token shortly before it expires (the tabs take
 * turns: see refreshSession), so pages never meet an expired one; a role granted meanwhile arrives at
 * once (the API marks the older token's answers stale: see refreshIfStale) and the console follows it.
 * When another tab logs out, this one goes to the login page; when another tab logs in while this one
 * shows the login page, this one goes where it was headed.
 */
export const SessionSync = () => {
  const navigate = useNavigate();
  const location = useLocation();
  const invalidateAuth = useInvalidateAuthStore();
  const queryClient = useQueryClient();
  const where = useRef(location);
  where.current = location;
  const roles = useRef(rolesOf());

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const schedule = () => {
      clearTimeout(timer);
      const session = readSession();
      if (session === undefined || session.passwordChangeRequired === true) return;
      timer = setTimeout(() => void refreshSession(session.accessToken), refreshDelayMs(session));
    };
    const onChange = (elsewhere: boolean) => {
      schedule();
      const { pathname, search } = where.current;
      const session = readSession();
      // This tab's own logins and logouts navigate through the auth provider.
      if (elsewhere && session === undefined && !pathname.startsWith('/login')) {
        navigate('/login', { replace: true });
        return;
      }
      if (elsewhere && session !== undefined && pathname.startsWith('/login')) {
        navigate(new URLSearchParams(search).get('to') ?? '/', { replace: true });
        return;
      }
      // A role granted or withdrawn: menus, buttons, environment pickers and the lists the API answers
      // by role follow the user's current roles (whatever did not change keeps its rendering).
      const now = rolesOf();
      if (now !== roles.current) {
        roles.current = now;
        void queryClient.invalidateQueries();
      }
    };
    // A tab brought back (its timers slept): the token may have lapsed, and the identity's answer says
    // whether a role was granted while it was away.
    const onVisible = () => {
      if (document.visibilityState !== 'visible' || readSession() === undefined) return;
      schedule();
      void invalidateAuth();
    };
    schedule();
    const unsubscribe = onSessionChange(onChange);
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      clearTimeout(timer);
      unsubscribe();
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [navigate, invalidateAuth, queryClient]);

  return null;
};
