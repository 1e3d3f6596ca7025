import { createHash } from 'node:crypto';
import {
  type ContractStores,
  freshId,
  useContractStores,
} from '../../../../infrastructure/testing/store-contract';
import { CredentialStoreUnavailableError } from '../credential-store.port';
import { type RefreshTokenRecord, type RefreshTokenStore } from '../refresh-token-store.port';

export const refreshTokenHashOf = (token: string) => createHash('sha256').update(token).digest('hex');

export const refreshRecord = (overrides: Partial<RefreshTokenRecord> = {}): RefreshTokenRecord => ({
  familyId: freshId('family'),
  userId: freshId('user'),
  username: 'dana',
  environment: 'development',
  sessionVersion: 3,
  expiresAt: '2026-01-01T12:00:00.000Z',
  familyExpiresAt: '2026-01-08T00:00:00.000Z',
  ...overrides,
});

/** What every RefreshTokenStore does, whatever holds the hashes. */
export function describeRefreshTokenStoreContract(name: string, stores: ContractStores<RefreshTokenStore>) {
  describe(`${name} (RefreshTokenStore contract)`, () => {
    const open = useContractStores(stores);
    const hash = () => refreshTokenHashOf(freshId('token'));

    it('given a stored token, when it is read by its hash, then its session comes back unspent', async () => {
      const store = open();
      const [tokenHash, record] = [hash(), refreshRecord()];
      await store.save(tokenHash, record);

      expect(await store.get(tokenHash)).toEqual(record);
      expect(await store.get(hash())).toBeUndefined();
    });

    it('spends a token once: a second spend, even from another instance, is refused', async () => {
      const [first, second] = [open(), open()];
      const tokenHash = hash();
      await first.save(tokenHash, refreshRecord());

      expect(await first.spend(tokenHash, '2026-01-01T10:00:00.000Z')).toBe(true);
      expect(await second.spend(tokenHash, '2026-01-01T10:00:01.000Z')).toBe(false);
      expect(await second.spend(hash(), '2026-01-01T10:00:01.000Z')).toBe(false);
      expect((await second.get(tokenHash))?.spentAt).toBe('2026-01-01T10:00:00.000Z');
    });

    it('given two concurrent spends of one token, then exactly one succeeds', async () => {
      const [first, second] = [open(), open()];
      const tokenHash = hash();
      await first.save(tokenHash, refreshRecord());

      const outcomes = await Promise.all([
        first.spend(tokenHash, '2026-01-01T10:00:00.000Z'),
        second.spend(tokenHash, '2026-01-01T10:00:00.000Z'),
      ]);

      expect(outcomes.filter(Boolean)).toHaveLength(1);
    });

    it('revokes a family: its tokens are gone, other families stay', async () => {
      const store = open();
      const family = refreshRecord();
      const [old, current, other] = [hash(), hash(), hash()];
      await store.save(old, { ...family, spentAt: '2026-01-01T10:00:00.000Z' });
      await store.save(current, family);
      await store.save(other, refreshRecord({ userId: family.userId }));

      await store.revokeFamily(family.familyId);

      expect(await store.get(old)).toBeUndefined();
      expect(await store.get(current)).toBeUndefined();
      expect(await store.get(other)).toBeDefined();
    });

    it("revokes a user's tokens in every family, and no one else's", async () => {
      const store = open();
      const userId = freshId('user');
      const [first, second, someoneElse] = [hash(), hash(), hash()];
      await store.save(first, refreshRecord({ userId }));
      await store.save(second, refreshRecord({ userId }));
      await store.save(someoneElse, refreshRecord());

      await store.revokeUser(userId);

      expect(await store.get(first)).toBeUndefined();
      expect(await store.get(second)).toBeUndefined();
      expect(await store.get(someoneElse)).toBeDefined();
    });

    it('purges the families past their absolute end only', async () => {
      const store = open();
      const [ended, live] = [hash(), hash()];
      await store.save(ended, refreshRecord({ familyExpiresAt: '2026-01-02T00:00:00.000Z' }));
      await store.save(live, refreshRecord({ familyExpiresAt: '2026-01-03T00:00:00.000Z' }));

      await store.purgeExpired('2026-01-02T00:00:00.000Z');

      expect(await store.get(ended)).toBeUndefined();
      expect(await store.get(live)).toBeDefined();
    });

    it('refuses to store anything but a sha256, so a plain token never lands here', async () => {
      const store = open();

      await expect(store.save('ibr_plain-token', refreshRecord())).rejects.toThrow(TypeError);
      await expect(store.save(hash().toUpperCase(), refreshRecord())).rejects.toThrow(TypeError);
    });

    it('given a closed store, when it is used, then it fails with CredentialStoreUnavailableError', async () => {
      const store = open();
      await store.close();

      await expect(store.get(hash())).rejects.toThrow(CredentialStoreUnavailableError);
      await expect(store.save(hash(), refreshRecord())).rejects.toThrow(CredentialStoreUnavailableError);
      await expect(store.spend(hash(), '2026-01-01T10:00:00.000Z')).rejects.toThrow(
        CredentialStoreUnavailableError,
      );
      await expect(store.revokeUser('user')).rejects.toThrow(CredentialStoreUnavailableError);
    });
  });
}
