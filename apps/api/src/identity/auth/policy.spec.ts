import { ForbiddenError, type RoleGrant } from '@ib/domain';
import { type AuthenticatedUser } from './authenticated-user';
import { allows, authorize } from './policy';

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
});
