import { ForbiddenError, type RoleGrant } from '@ib/domain';
import { type AuthenticatedUser } from './authenticated-user';
import { allows, authorize, mayReadPast } from './policy';

const userWith = (roles: RoleGrant[], owner = false): AuthenticatedUser => ({
  id: 'u-1',
  username: 'someone',
  roles,
  owner,
  environment: roles[0]?.environment ?? 'dev',
});

const codeOf = (work: () => void): string | undefined => {
  try {
    work();
    return undefined;
  } catch (error) {
    return error instanceof ForbiddenError ? error.code : 'not a ForbiddenError';
  }
};

describe('the authorization policy', () => {
  describe('given an auditor of prod', () => {
    const auditor = userWith([{ environment: 'prod', role: 'auditor' }]);

    it('reads what lives in prod and its audit log', () => {
      expect(allows(auditor, 'integration.read', 'prod')).toBe(true);
      expect(allows(auditor, 'connection.read', 'prod')).toBe(true);
      expect(allows(auditor, 'audit.read', 'prod')).toBe(true);
    });

    it('changes nothing there, with a code that says the role is read-only', () => {
      expect(codeOf(() => authorize(auditor, 'integration.build', 'prod'))).toBe('AUTH.READ_ONLY_ROLE');
      expect(codeOf(() => authorize(auditor, 'connection-request.create', 'prod'))).toBe(
        'AUTH.READ_ONLY_ROLE',
      );
      expect(codeOf(() => authorize(auditor, 'connection.create', 'prod'))).toBe('AUTH.ADMIN_REQUIRED');
      expect(allows(auditor, 'data.access', 'prod')).toBe(false);
    });

    it('reads nothing of another environment', () => {
      expect(codeOf(() => authorize(auditor, 'audit.read', 'dev'))).toBe('AUTH.AUDITOR_REQUIRED');
      expect(codeOf(() => authorize(auditor, 'integration.read', 'dev'))).toBe(
        'AUTH.NO_ACCESS_TO_ENVIRONMENT',
      );
    });
  });

  it('given a developer, when they read the audit log of their environment, then it is refused', () => {
    const developer = userWith([{ environment: 'dev', role: 'developer' }]);
    expect(codeOf(() => authorize(developer, 'audit.read', 'dev'))).toBe('AUTH.AUDITOR_REQUIRED');
    expect(allows(developer, 'integration.build', 'dev')).toBe(true);
  });

  it('given an admin, then they read the audit log of their environment only', () => {
    const admin = userWith([{ environment: 'dev', role: 'admin' }]);
    expect(allows(admin, 'audit.read', 'dev')).toBe(true);
    expect(allows(admin, 'audit.read', 'prod')).toBe(false);
  });

  it('given an owner with no environment role, then they read the audit log of every environment', () => {
    const owner = userWith([], true);
    expect(allows(owner, 'audit.read', 'prod')).toBe(true);
    expect(allows(owner, 'audit.read', undefined)).toBe(true);
    expect(allows(owner, 'integration.read', 'prod')).toBe(false);
  });

  describe('reading the past of an object (history, asOf, version)', () => {
    it('given a developer who reads the object now, then they read its past too', () => {
      const developer = userWith([{ environment: 'dev', role: 'developer' }]);
      expect(mayReadPast(developer, ['dev'], true)).toBe(true);
    });

    it('given a developer whom its read rule hides it from (another one’s request), then its past is hidden too', () => {
      const developer = userWith([{ environment: 'dev', role: 'developer' }]);
      expect(mayReadPast(developer, ['dev'], false)).toBe(false);
    });

    it('given an auditor or an admin of its environment, then they read its past even where its read rule hides it', () => {
      expect(mayReadPast(userWith([{ environment: 'dev', role: 'auditor' }]), ['dev'], false)).toBe(true);
      expect(mayReadPast(userWith([{ environment: 'dev', role: 'admin' }]), ['dev'], false)).toBe(true);
    });

    it('given an admin of another environment, then the past stays hidden', () => {
      expect(mayReadPast(userWith([{ environment: 'prod', role: 'admin' }]), ['dev'], false)).toBe(false);
    });

    it('given an object of several environments (a user’s grants), then auditing one of them is enough', () => {
      const auditor = userWith([{ environment: 'qa', role: 'auditor' }]);
      expect(mayReadPast(auditor, ['dev', 'qa'], false)).toBe(true);
    });

    it('given an object of no environment, then owners only', () => {
      expect(mayReadPast(userWith([], true), [], false)).toBe(true);
      expect(mayReadPast(userWith([{ environment: 'dev', role: 'admin' }]), [], false)).toBe(false);
    });
  });
});
