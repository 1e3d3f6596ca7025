import { type RecordedEvent, type RoleGrant } from '@ib/domain';
import { projectAll } from '../../infrastructure/read-model/projection';
import { userGrantsProjection } from './user-grants.projection';

let position = 0;
const recorded = (streamId: string, type: string, roles: readonly RoleGrant[]): RecordedEvent => ({
  eventId: `e-${++position}`,
  type,
  schemaVersion: 1,
  streamId,
  streamVersion: 0,
  globalPosition: position,
  recordedAt: '2025-01-01T00:00:00.000Z',
  data: { userId: streamId, roles },
  metadata: { actorId: 'system', correlationId: 'c', causationId: 'c' },
});

describe('userGrantsProjection', () => {
  it('given a user granted a role, then withdrawn from it, then the environment stays theirs (the withdrawal is audited there)', () => {
    const grants = projectAll(userGrantsProjection, [
      recorded('user-ada', 'UserRegistered', [{ environment: 'development', role: 'developer' }]),
      recorded('user-ada', 'UserRolesChanged', [
        { environment: 'qa', role: 'auditor' },
        { environment: 'qa', role: 'admin' },
      ]),
      recorded('user-ada', 'UserRolesChanged', []),
      recorded('user-ada', 'UserLoggedOut', []),
    ]);

    expect(grants.get('user-ada')).toEqual({ streamId: 'user-ada', environments: ['development', 'qa'] });
  });

  it('given a user registered without a role, then they belong to no environment', () => {
    const grants = projectAll(userGrantsProjection, [recorded('user-owner', 'UserRegistered', [])]);

    expect(grants.get('user-owner')).toEqual({ streamId: 'user-owner', environments: [] });
  });
});
