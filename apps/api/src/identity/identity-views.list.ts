import { type ProjectedView } from '../infrastructure/read-model/projection-runner';
import { apiKeysProjection } from './api-keys/api-key-queries/api-keys.projection';
import { ApiKeyRow } from './api-keys/api-key-queries/api-keys.table';
import { userSessionsProjection } from './auth/user-sessions/user-sessions.projection';
import { UserSessionRow } from './auth/user-sessions/user-sessions.table';
import { environmentsProjection } from './environments/environment-queries/environments.projection';
import { EnvironmentRow } from './environments/environment-queries/environments.table';
import { usersProjection } from './users/user-queries/users.projection';
import { UserRow } from './users/user-queries/users.table';

/** The views this context owns, each projection with its table, for the app shell to hand to the read model. */
export const IDENTITY_VIEWS: readonly ProjectedView[] = [
  { projection: environmentsProjection, entity: EnvironmentRow },
  { projection: usersProjection, entity: UserRow },
  { projection: apiKeysProjection, entity: ApiKeyRow },
  { projection: userSessionsProjection, entity: UserSessionRow },
];
