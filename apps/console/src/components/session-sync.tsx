import { useEffect, useRef } from 'react';
import { useInvalidateAuthStore } from '@refinedev/core';
import { useQueryClient } from '@tanstack/react-query';
import { useLocation, useNavigate } from 'react-router';
import { onSessionChange, readSession } from '../providers/session';
import { refreshDelayMs, refreshSession } from '../providers/session-refresh';

const rolesOf = () => JSON.stringify(readSession()?.user ?? null);

/**
 * One login for the browser's tabs. Refreshes the access token shortly before it expires (the tabs take
 * turns: see refreshSession), so pages never meet an expired one and roles granted meanwhile arrive; when
 * another tab logs out, this one goes to the login page; when another tab logs in while this one shows
 * the login page, this one goes where it was headed.
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
      // A role granted or withdrawn: menus and buttons follow the user's current roles.
      const now = rolesOf();
      if (now !== roles.current) {
        roles.current = now;
        void invalidateAuth();
        void queryClient.invalidateQueries({ queryKey: ['access'] });
      }
    };
    schedule();
    const unsubscribe = onSessionChange(onChange);
    return () => {
      clearTimeout(timer);
      unsubscribe();
    };
  }, [navigate, invalidateAuth, queryClient]);

  return null;
};
