import { type UserRegistered, type UserRolesChanged } from '@ib/domain';
import { isOneOf, type Projection, type RecordedOf } from '../../infrastructure/read-model/projection';

/** The environments a user (their stream) has ever held a role in, whatever they hold now. */
export type UserGrants = Readonly<{ streamId: string; environments: readonly string[] }>;

type GrantEvent = UserRegistered | UserRolesChanged;
const GRANT_EVENT_TYPES: readonly GrantEvent['type'][] = ['UserRegistered', 'UserRolesChanged'];
const isGrantEvent = isOneOf<GrantEvent>(GRANT_EVENT_TYPES);

/**
 * Why: user events carry no `metadata.environment` (a user spans environments), yet an environment's
 * auditor needs to see who was given, and who lost, a role there. A user's stream is therefore part of
 * every environment they ever held a role in: a withdrawal stays visible where the role was.
 */
export const userGrantsProjection: Projection<UserGrants> = {
  name: 'audit-user-grants',
  handles: GRANT_EVENT_TYPES,
  idOf: (event) => event.streamId,
  evolve: (document, event) => {
    if (!isGrantEvent(event)) return document;
    const granted = (event as RecordedOf<GrantEvent>).data.roles.map((grant) => grant.environment);
    const before = document?.environments ?? [];
    const added = granted.filter(
      (environment, index) => !before.includes(environment) && granted.indexOf(environment) === index,
    );
    if (document !== undefined && added.length === 0) return document;
    return { streamId: event.streamId, environments: [...before, ...added] };
  },
};
