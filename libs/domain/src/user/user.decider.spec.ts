import { fold } from '../shared/decider';
import { DeciderSpecification, invalidFields } from '../shared/decider-specification';
import { IllegalStateError, NotFoundError, ValidationError } from '../shared/errors';
import { DEFAULT_EMAIL_KINDS, type NotificationKind } from './notification-kinds';
import {
  type ChangeNotificationSettings,
  type ChangeUser,
  type ChangeUserEmail,
  type ChangeUserRoles,
  type LogOutUser,
  type RecordPasswordChange,
  type RegisterUser,
  type UserCommand,
} from './user.commands';
import { userDecider } from './user.decider';
import { type RoleGrant, SYSTEM_ACTOR_ID, type UserEvent } from './user.events';
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
const changeRoles = (roles: readonly RoleGrant[], owner?: boolean): ChangeUserRoles => ({
  type: 'ChangeUserRoles',
  data: { userId, roles, ...(owner === undefined ? {} : { owner }) },
  metadata,
});
const logOut: LogOutUser = { type: 'LogOutUser', data: { userId }, metadata };
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
    owner: false,
    createdBy: 'admin',
    createdAt: at,
  },
};
const rolesChanged = (roles: readonly RoleGrant[], owner?: boolean): UserEvent => ({
  type: 'UserRolesChanged',
  data: { userId, roles, ...(owner === undefined ? {} : { owner }), changedBy: 'admin', changedAt: at },
});
const loggedOut: UserEvent = { type: 'UserLoggedOut', data: { userId, loggedOutAt: at } };
const sessionVersionAfter = (events: readonly UserEvent[]) => {
  const state = fold(userDecider, events);
  return state.status === 'registered' ? state.sessionVersion : undefined;
};
const passwordChanged: UserEvent = {
  type: 'UserPasswordChanged',
  data: { userId, changedBy: 'admin', changedAt: at },
};

const changeEmail = (email?: string): ChangeUserEmail => ({
  type: 'ChangeUserEmail',
  data: { userId, ...(email === undefined ? {} : { email }) },
  metadata,
});
const emailChanged = (email?: string): UserEvent => ({
  type: 'UserEmailChanged',
  data: { userId, ...(email === undefined ? {} : { email }), changedBy: 'admin', changedAt: at },
});
const changeSettings = (emailKinds: readonly NotificationKind[]): ChangeNotificationSettings => ({
  type: 'ChangeNotificationSettings',
  data: { userId, emailKinds },
  metadata,
});
const settingsChanged = (emailKinds: readonly NotificationKind[]): UserEvent => ({
  type: 'UserNotificationSettingsChanged',
  data: { userId, emailKinds, changedBy: 'admin', changedAt: at },
});

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

    it('registers an owner of the installation when asked', () =>
      given([])
        .when(registerUser({ owner: true }))
        .then([{ ...registered, data: { ...registered.data, owner: true } }]));
    it('refuses an owner flag that is not a boolean', () =>
      given([])
        .when(registerUser({ owner: 'yes' as never }))
        .thenThrows(ValidationError, 'USER.INVALID', invalidFields('owner')));
    it.each([
      ['NUL', 'Ada\u0000'],
      ['a line break', 'Ada\nLovelace'],
      ['a right-to-left override', 'Ada \u202Eecalevol'],
      ['a lone surrogate', 'Ada \uD83D'],
    ])('refuses a display name with %s, naming the field', (_, displayName) =>
      given([])
        .when(registerUser({ displayName }))
        .thenThrows(ValidationError, 'USER.INVALID', invalidFields('displayName')),
    );

    it('needs at least one role grant', () =>
      given([])
        .when(registerUser({ roles: [] }))
        .thenThrows(ValidationError, 'USER.INVALID', invalidFields('roles')));

    it('names every invalid role grant', () =>
      given([])
        .when(registerUser({ roles: [developer, { environment: ' ', role: 'root' as never }] }))
        .thenThrows(ValidationError, 'USER.INVALID', invalidFields('roles[1].role', 'roles[1].environment')));
  });

  describe('an e-mail address', () => {
    const withEmail = (email: string): UserEvent => ({ ...registered, data: { ...registered.data, email } });

    it('is registered with the user when given', () =>
      given([])
        .when(registerUser({ email: 'alice@corp.example' }))
        .then([withEmail('alice@corp.example')]));

    it('keeps its local part as typed and lower-cases its domain', () =>
      given([])
        .when(registerUser({ email: 'Alice.Smith@Corp.EXAMPLE' }))
        .then([withEmail('Alice.Smith@corp.example')]));

    it.each([
      ['no at sign', 'alice.corp.example'],
      ['no domain', 'alice@'],
      ['a single-label domain', 'alice@localhost'],
      ['a space', 'alice smith@corp.example'],
      ['a display name', 'Alice <alice@corp.example>'],
      ['two at signs', 'alice@bob@corp.example'],
      ['a line break', 'alice@corp.example\nBcc: x@evil.example'],
      ['an empty string', ''],
      ['a local part over 64 characters', `${'a'.repeat(65)}@corp.example`],
      [
        'more than 254 characters',
        `alice@${'a'.repeat(60)}.${'b'.repeat(60)}.${'c'.repeat(60)}.${'d'.repeat(60)}.example`,
      ],
      ['no string', 42 as never],
    ])('is refused at registration with %s, naming the field', (_, email) =>
      given([])
        .when(registerUser({ email }))
        .thenThrows(ValidationError, 'USER.INVALID', invalidFields('email')),
    );

    it('is changed', () =>
      given([registered])
        .when(changeEmail('alice@new.example'))
        .then([emailChanged('alice@new.example')]));

    it('is cleared when the change names none', () =>
      given([registered, emailChanged('alice@corp.example')])
        .when(changeEmail())
        .then([emailChanged()]));

    it('records nothing when it is the same address, whatever the case of its domain', () =>
      given([withEmail('alice@corp.example')])
        .when(changeEmail('alice@CORP.example'))
        .thenNothingHappens());

    it('records nothing when a user without one is asked to have none', () =>
      given([registered]).when(changeEmail()).thenNothingHappens());

    it('counts a local part in another case as another address', () =>
      given([withEmail('alice@corp.example')])
        .when(changeEmail('Alice@corp.example'))
        .then([emailChanged('Alice@corp.example')]));

    it('is refused when malformed, naming the field', () =>
      given([registered])
        .when(changeEmail('not an address'))
        .thenThrows(ValidationError, 'USER.INVALID', invalidFields('email')));

    it('cannot be given to a missing user', () =>
      given([]).when(changeEmail('alice@corp.example')).thenThrows(NotFoundError, 'USER.NOT_FOUND'));

    it('is folded into the user, and gone once cleared', () => {
      expect(fold(userDecider, [registered, emailChanged('a@corp.example')])).toMatchObject({
        email: 'a@corp.example',
      });
      expect(fold(userDecider, [withEmail('a@corp.example'), emailChanged()])).not.toHaveProperty('email');
    });

    it('leaves the sessions open', () =>
      expect(sessionVersionAfter([registered, emailChanged('a@corp.example'), emailChanged()])).toBe(0));
  });

  describe('ChangeNotificationSettings', () => {
    it('records the kinds that go by email', () =>
      given([registered])
        .when(changeSettings(['request-approved', 'publication-failed']))
        .then([settingsChanged(['request-approved', 'publication-failed'])]));

    it('keeps the kinds in one order, each once', () =>
      given([registered])
        .when(changeSettings(['publication-failed', 'request-approved', 'publication-failed']))
        .then([settingsChanged(['request-approved', 'publication-failed'])]));

    it('turns every email off with no kind', () =>
      given([registered])
        .when(changeSettings([]))
        .then([settingsChanged([])]));

    it('records nothing when the kinds are those the user gets already', () =>
      given([registered, settingsChanged(['request-rejected'])])
        .when(changeSettings(['request-rejected']))
        .thenNothingHappens());

    it('records nothing when a user on the defaults chooses the defaults', () =>
      given([registered])
        .when(changeSettings([...DEFAULT_EMAIL_KINDS].reverse()))
        .thenNothingHappens());

    it('refuses an unknown kind, naming it', () =>
      given([registered])
        .when(changeSettings(['request-approved', 'weekly-digest' as never]))
        .thenThrows(ValidationError, 'USER.INVALID', invalidFields('emailKinds[1]')));

    it('refuses settings that are no list', () =>
      given([registered])
        .when(changeSettings('request-approved' as never))
        .thenThrows(ValidationError, 'USER.INVALID', invalidFields('emailKinds')));

    it('refuses a missing user', () =>
      given([]).when(changeSettings([])).thenThrows(NotFoundError, 'USER.NOT_FOUND'));

    it('folds the choice into the user; without one, the user has none of their own', () => {
      expect(fold(userDecider, [registered])).not.toHaveProperty('emailKinds');
      expect(fold(userDecider, [registered, settingsChanged(['request-approved'])])).toMatchObject({
        emailKinds: ['request-approved'],
      });
    });
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
    it('grants the owner role with the same grants', () =>
      given([registered])
        .when(changeRoles([developer], true))
        .then([rolesChanged([developer], true)]));
    it('records nothing when the owner role is asked as it already is', () =>
      given([registered, rolesChanged([developer], true)])
        .when(changeRoles([developer], true))
        .thenNothingHappens());
    it('leaves the owner role out of the event when it does not change', () =>
      given([registered])
        .when(changeRoles([developer, qaAdmin], false))
        .then([rolesChanged([developer, qaAdmin])]));
  });

  describe('LogOutUser', () => {
    it('ends every session of the user', () => given([registered]).when(logOut).then([loggedOut]));
    it('refuses a missing user', () => given([]).when(logOut).thenThrows(NotFoundError, 'USER.NOT_FOUND'));
  });

  describe('sessions', () => {
    it('keeps sessions open when rights are only added', () =>
      expect(sessionVersionAfter([registered, rolesChanged([developer, qaAdmin], true)])).toBe(0));
    it('ends sessions when a grant is withdrawn', () =>
      expect(
        sessionVersionAfter([registered, rolesChanged([developer, qaAdmin]), rolesChanged([qaAdmin])]),
      ).toBe(1));
    it('ends sessions when the owner role is withdrawn', () =>
      expect(
        sessionVersionAfter([registered, rolesChanged([developer], true), rolesChanged([developer], false)]),
      ).toBe(1));
    it('ends sessions on a new password and on a logout', () =>
      expect(sessionVersionAfter([registered, passwordChanged, loggedOut])).toBe(2));
  });

  describe('the installation owner', () => {
    it('is the user the system registered when the event predates the owner role', () => {
      const { owner: _omitted, ...before } = registered.data;
      const bootstrap: UserEvent = {
        type: 'UserRegistered',
        data: { ...before, createdBy: SYSTEM_ACTOR_ID },
      };
      expect(fold(userDecider, [bootstrap])).toMatchObject({ owner: true });
    });
    it('is nobody else registered before the owner role existed', () => {
      const { owner: _omitted, ...before } = registered.data;
      expect(fold(userDecider, [{ type: 'UserRegistered', data: before }])).toMatchObject({ owner: false });
    });
  });

  describe('RecordPasswordChange', () => {
    it('records that the password changed, never the password', () =>
      given([registered]).when(recordPasswordChange).then([passwordChanged]));

    it('refuses a missing user', () =>
      given([]).when(recordPasswordChange).thenThrows(NotFoundError, 'USER.NOT_FOUND'));
  });

  describe('disabling and enabling', () => {
    const disable = (actorId = 'admin'): UserCommand => ({
      type: 'DisableUser',
      data: { userId },
      metadata: { actorId, now },
    });
    const enable: UserCommand = { type: 'EnableUser', data: { userId }, metadata };
    const disabled: UserEvent = {
      type: 'UserDisabled',
      data: { userId, disabledBy: 'admin', disabledAt: at },
    };
    const enabled: UserEvent = { type: 'UserEnabled', data: { userId, enabledBy: 'admin', enabledAt: at } };

    it('disables a user', () => given([registered]).when(disable()).then([disabled]));
    it('records nothing when the user is disabled already', () =>
      given([registered, disabled]).when(disable()).thenNothingHappens());
    it('refuses to let anyone disable themselves', () =>
      given([registered]).when(disable(userId)).thenThrows(IllegalStateError, 'USER.CANNOT_DISABLE_SELF'));
    it('enables a disabled user again', () => given([registered, disabled]).when(enable).then([enabled]));
    it('records nothing when the user is enabled already', () =>
      given([registered]).when(enable).thenNothingHappens());
    it('refuses a missing user', () => given([]).when(disable()).thenThrows(NotFoundError, 'USER.NOT_FOUND'));
    it('ends every session on disabling, and opens none on enabling', () => {
      expect(sessionVersionAfter([registered, disabled])).toBe(1);
      expect(sessionVersionAfter([registered, disabled, enabled])).toBe(1);
      expect(fold(userDecider, [registered, disabled])).toMatchObject({ disabled: true });
      expect(fold(userDecider, [registered, disabled, enabled])).toMatchObject({ disabled: false });
    });
  });

  describe('ResetUserPassword', () => {
    const reset = (actorId = 'admin'): UserCommand => ({
      type: 'ResetUserPassword',
      data: { userId },
      metadata: { actorId, now },
    });
    const wasReset: UserEvent = {
      type: 'UserPasswordReset',
      data: { userId, resetBy: 'admin', resetAt: at },
    };

    it('records that a one-time password was set, never the password', () =>
      given([registered]).when(reset()).then([wasReset]));
    it('records each reset, since each sets another one-time password', () =>
      given([registered, wasReset]).when(reset()).then([wasReset]));
    it("refuses a reset of one's own password", () =>
      given([registered])
        .when(reset(userId))
        .thenThrows(IllegalStateError, 'USER.CANNOT_RESET_OWN_PASSWORD'));
    it('refuses a missing user', () => given([]).when(reset()).thenThrows(NotFoundError, 'USER.NOT_FOUND'));
    it('ends every session and asks for a new password until the user chooses one', () => {
      expect(fold(userDecider, [registered, wasReset])).toMatchObject({
        mustChangePassword: true,
        sessionVersion: 1,
      });
      expect(fold(userDecider, [registered, wasReset, passwordChanged])).toMatchObject({
        mustChangePassword: false,
        sessionVersion: 2,
      });
    });
  });

  describe('ChangeUser', () => {
    const change = (data: Omit<ChangeUser['data'], 'userId'>, actorId = 'admin'): ChangeUser => ({
      type: 'ChangeUser',
      data: { userId, ...data },
      metadata: { actorId, now },
    });
    const disabled: UserEvent = {
      type: 'UserDisabled',
      data: { userId, disabledBy: 'admin', disabledAt: at },
    };

    it('records every named part, in one decision', () =>
      given([registered])
        .when(change({ roles: [qaAdmin], email: 'alice@corp.example', disabled: true }))
        .then([rolesChanged([qaAdmin]), emailChanged('alice@corp.example'), disabled]));

    it('clears the address with null', () =>
      given([registered, emailChanged('alice@corp.example')])
        .when(change({ email: null }))
        .then([emailChanged()]));

    it('keeps the grants when only the owner role changes', () =>
      given([registered])
        .when(change({ owner: true }))
        .then([rolesChanged([developer], true)]));

    it('records only the parts that change something', () =>
      given([registered, emailChanged('alice@corp.example')])
        .when(change({ roles: [developer], email: 'alice@corp.example', disabled: false }))
        .thenNothingHappens());

    it('records nothing at all when one part is refused', () =>
      given([registered])
        .when(change({ email: 'alice@corp.example', roles: [] }))
        .thenThrows(ValidationError, 'USER.INVALID', invalidFields('roles')));

    it('refuses a change that names nothing', () =>
      given([registered]).when(change({})).thenThrows(ValidationError, 'USER.INVALID'));

    it('refuses to let the actor disable themselves', () =>
      given([registered])
        .when(change({ disabled: true }, userId))
        .thenThrows(IllegalStateError, 'USER.CANNOT_DISABLE_SELF'));
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
