import { type RoleGrant } from '@ib/domain';
import { stalenessOf } from './stale-session';

const developerIn = (environment: string): RoleGrant => ({ environment, role: 'developer' });
const adminIn = (environment: string): RoleGrant => ({ environment, role: 'admin' });
const rights = (roles: RoleGrant[], owner = false) => ({ roles, owner });

describe('whether a token tells its user as they are now', () => {
  it('given the same grants, in another order, then the session is current', () => {
    const token = rights([developerIn('development'), adminIn('qa')]);
    const now = rights([adminIn('qa'), developerIn('development')]);

    expect(stalenessOf(token, now)).toBeUndefined();
  });

  it('given a role granted since the token was issued, then its roles are stale', () => {
    expect(
      stalenessOf(rights([developerIn('development')]), rights([developerIn('development'), adminIn('qa')])),
    ).toBe('roles');
  });

  it('given another role in the same environment, then its roles are stale', () => {
    expect(stalenessOf(rights([developerIn('qa')]), rights([adminIn('qa')]))).toBe('roles');
  });

  it('given a grant gone since (its sessions ended first, but the answer holds anyway), then its roles are stale', () => {
    expect(
      stalenessOf(rights([developerIn('development'), adminIn('qa')]), rights([developerIn('development')])),
    ).toBe('roles');
  });

  it('given the installation role granted since, then its roles are stale', () => {
    const grants = [developerIn('development')];

    expect(stalenessOf(rights(grants, false), rights(grants, true))).toBe('roles');
  });

  it('given a grant listed twice in the token, then it counts once', () => {
    const token = rights([developerIn('development'), developerIn('development')]);

    expect(stalenessOf(token, rights([developerIn('development')]))).toBeUndefined();
  });
});
