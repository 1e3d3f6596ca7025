import { SetMetadata } from '@nestjs/common';

export const PASSWORD_CHANGE_ROUTE = 'auth:passwordChangeRoute';

/**
 * Marks the route a user whose password is a one-time one may call: changing it. Every other route
 * answers them 403 AUTH.PASSWORD_CHANGE_REQUIRED (see Authenticator).
 */
export const PasswordChangeRoute = () => SetMetadata(PASSWORD_CHANGE_ROUTE, true);
