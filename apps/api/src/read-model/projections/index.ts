import { apiKeysProjection } from './api-keys.projection';
import { environmentsProjection } from './environments.projection';
import { type Projection } from '../../infrastructure/read-model/projection';
import { usersProjection } from './users.projection';
import { userSessionsProjection } from './user-sessions.projection';

export * from '../../infrastructure/read-model/projection';
export * from './environments.projection';
export * from './users.projection';
export * from './api-keys.projection';
export * from './user-sessions.projection';

/** The views the read model still defines itself; contexts that own theirs (connections, integrations, publishing) add them in app.views.ts. */
export const READ_MODEL_PROJECTIONS: readonly Projection[] = [
  environmentsProjection,
  usersProjection,
  apiKeysProjection,
  userSessionsProjection,
];
