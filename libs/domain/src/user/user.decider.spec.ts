import { fold } from '../shared/decider';
import { DeciderSpecification, invalidFields } from '../shared/decider-specification';
import { IllegalStateError, NotFoundError, ValidationError } from '../shared/errors';
import { type ChangeUserRoles, type RecordPasswordChange, type RegisterUser } from './user.commands';
import { userDecider } from './user.decider';
import { type RoleGrant, type UserEvent } from './user.events';
import { userStreamId } from './user.stream';

const userId = 'user-1';
const now = new Date('2025-03-04T05:06:07.000Z');
const at = now.toISOString();
const metadata = { actorId: 'admin', now };
const developer: RoleGrant = { environment: 'dev', role: 'developer' };
const qaAdmin: RoleGrant = { environment: 'qa', role: 'admin' };

const registerUser = (data: Partial<RegisterUser['data']> = {}): RegisterUser => ({
  type: 'RegisterUser',
  data: { userId, username: 'alice.smith', displayName: 'Alice', roles: [developer], ...data },
  metadata,
});
const changeRoles = (roles: readonly RoleGrant[]): ChangeUserRoles => ({
  type: 'ChangeUserRoles',
  data: { userId, roles },
  metadata,
});
const recordPasswordChange: RecordPasswordChange = {
  type: 'RecordPasswordChange',
  data: { userId },
  metadata,
};

const registered: UserEvent = {
  type: 'UserRegistered',
  data: {
    userId,
    username: 'alice.smith',
    displayName: 'Alice',
    roles: [developer],
    createdBy: 'admin',
    createdAt: at,
  },
};
const rolesChanged = (roles: readonly RoleGrant[]): UserEvent => ({
  type: 'UserRolesChanged',
  data: { userId, roles, changedBy: 'admin', changedAt: at },
});
const passwordChanged: UserEvent = {
  type: 'UserPasswordChanged',
  data: { userId, changedBy: 'admin', changedAt: at },
};

const given = DeciderSpecification.for(userDecider);

describe('User decider', () => {
  describe('RegisterUser', () => {
    it('registers a user with their role grants', () => given([]).when(registerUser()).then([registered]));

    it('refuses to register the same user twice', () =>
      given([registered]).when(registerUser()).thenThrows(IllegalStateError, 'USER.ALREADY_EXISTS'));

    it.each(['ab', 'alice smith', 'a'.repeat(65), 'alice#1'])('refuses the username %p', (username) =>
      given([])
        .when(registerUser({ username }))
        .thenThrows(ValidationError, 'USER.INVALID', invalidFields('username')),
    );

    it('accepts an e-mail address as username', () =>
      given([])
        .when(registerUser({ username: 'Alice_S-1@corp.example' }))
        .then([{ ...registered, data: { ...registered.data, username: 'Alice_S-1@corp.example' } }]));

    it('needs at least one role grant', () =>
      given([])
        .when(registerUser({ roles: [] }))
        .thenThrows(ValidationError, 'USER.INVALID', invalidFields('roles')));

    it('names every invalid role grant', () =>
      given([])
        .when(registerUser({ roles: [developer, { environment: ' ', role: 'root' as never }] }))
        .thenThrows(ValidationError, 'USER.INVALID', invalidFields('roles[1].role', 'roles[1].environment')));
  });

  describe('ChangeUserRoles', () => {
    it('changes the role grants', () =>
      given([registered])
        .when(changeRoles([developer, qaAdmin]))
        .then([rolesChanged([developer, qaAdmin])]));

    it('records nothing when the grants are the same in any order', () =>
      given([registered, rolesChanged([developer, qaAdmin])])
        .when(changeRoles([qaAdmin, developer]))
        .thenNothingHappens());

    it('validates the grants like registration', () =>
      given([registered])
        .when(changeRoles([]))
        .thenThrows(ValidationError, 'USER.INVALID', invalidFields('roles')));

    it('refuses a missing user', () =>
      given([])
        .when(changeRoles([developer]))
        .thenThrows(NotFoundError, 'USER.NOT_FOUND'));
  });

  describe('RecordPasswordChange', () => {
    it('records that the password changed, never the password', () =>
      given([registered]).when(recordPasswordChange).then([passwordChanged]));

    it('refuses a missing user', () =>
      given([]).when(recordPasswordChange).thenThrows(NotFoundError, 'USER.NOT_FOUND'));
  });

  it('folds roles and the last password change into the user', () =>
    expect(fold(userDecider, [registered, rolesChanged([qaAdmin]), passwordChanged])).toMatchObject({
      status: 'registered',
      roles: [qaAdmin],
      passwordChangedAt: at,
    }));

  it('lower-cases the username in the stream id, so usernames are unique regardless of case', () =>
    expect(userStreamId('Alice.Smith')).toBe('user-alice.smith'));
});
