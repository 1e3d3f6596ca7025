import { createHash } from 'node:crypto';
import {
  type ContractStores,
  freshId,
  useContractStores,
} from '../../../../infrastructure/testing/store-contract';
import { type ApiKeyHashStore } from '../api-key-hash-store.port';
import { type CredentialStore, CredentialStoreUnavailableError } from '../credential-store.port';

export const passwordHashOf = (tag: string) =>
  `scrypt$32768$8$1$${Buffer.from(tag).toString('base64')}$${'A'.repeat(86)}==`;
export const apiKeyHashOf = (key: string) => createHash('sha256').update(key).digest('hex');

/** What every CredentialStore does, whatever holds the hashes. */
export function describeCredentialStoreContract(name: string, stores: ContractStores<CredentialStore>) {
  describe(`${name} (CredentialStore contract)`, () => {
    const open = useContractStores(stores);

    it('given a stored hash, when it is read by user id, then it comes back', async () => {
      const store = open();
      const userId = freshId('user');
      await store.set(userId, passwordHashOf('one'));

      expect(await store.get(userId)).toBe(passwordHashOf('one'));
    });

    it('given no hash for a user, when it is read, then it is undefined', async () => {
      expect(await open().get(freshId('user'))).toBeUndefined();
    });

    it('given a stored hash, when the user changes their password, then the new hash replaces the old one', async () => {
      const store = open();
      const [user, other] = [freshId('user'), freshId('user')];
      await store.set(user, passwordHashOf('old'));
      await store.set(other, passwordHashOf('other'));

      await store.set(user, passwordHashOf('new'));

      expect(await store.get(user)).toBe(passwordHashOf('new'));
      expect(await store.get(other)).toBe(passwordHashOf('other'));
    });

    it('given two instances on one storage, when one stores or changes a hash, then the other reads it', async () => {
      const [first, second] = [open(), open()];
      const userId = freshId('user');

      await first.set(userId, passwordHashOf('one'));
      expect(await second.get(userId)).toBe(passwordHashOf('one'));
      await second.set(userId, passwordHashOf('two'));
      expect(await first.get(userId)).toBe(passwordHashOf('two'));
    });

    it('refuses to store anything that is not an encoded hash, so a plain password never lands here', async () => {
      const store = open();
      const userId = freshId('user');

      await expect(store.set(userId, 'hunter2')).rejects.toThrow(TypeError);
      await expect(store.set('', passwordHashOf('one'))).rejects.toThrow(TypeError);
      expect(await store.get(userId)).toBeUndefined();
    });

    it('given a closed store, when it is used, then it fails with CredentialStoreUnavailableError', async () => {
      const store = open();
      await store.close();

      await expect(store.get(freshId('user'))).rejects.toThrow(CredentialStoreUnavailableError);
      await expect(store.set(freshId('user'), passwordHashOf('one'))).rejects.toThrow(
        CredentialStoreUnavailableError,
      );
    });
  });
}

/** What every ApiKeyHashStore does, whatever holds the hashes. */
export function describeApiKeyHashStoreContract(name: string, stores: ContractStores<ApiKeyHashStore>) {
  describe(`${name} (ApiKeyHashStore contract)`, () => {
    const open = useContractStores(stores);

    it('given a stored hash, when it is read by key id, then it comes back', async () => {
      const store = open();
      const keyId = freshId('key');
      await store.set(keyId, apiKeyHashOf('one'));

      expect(await store.get(keyId)).toBe(apiKeyHashOf('one'));
    });

    it('given no hash for a key, when it is read, then it is undefined', async () => {
      expect(await open().get(freshId('key'))).toBeUndefined();
    });

    it('given a stored hash, when it is deleted, then it is gone and other keys stay', async () => {
      const store = open();
      const [deleted, kept] = [freshId('key'), freshId('key')];
      await store.set(deleted, apiKeyHashOf('one'));
      await store.set(kept, apiKeyHashOf('two'));

      await store.delete(deleted);
      await store.delete(freshId('key-unknown'));

      expect(await store.get(deleted)).toBeUndefined();
      expect(await store.get(kept)).toBe(apiKeyHashOf('two'));
    });

    it('never replaces the hash of a key, so a key id cannot be given a second key', async () => {
      const store = open();
      const keyId = freshId('key');
      await store.set(keyId, apiKeyHashOf('one'));

      await expect(store.set(keyId, apiKeyHashOf('other'))).rejects.toThrow(TypeError);
      expect(await store.get(keyId)).toBe(apiKeyHashOf('one'));
    });

    it('refuses to store anything that is not a sha256, so a plain key never lands here', async () => {
      const store = open();
      const keyId = freshId('key');

      await expect(store.set(keyId, 'ibk_0190a0000000700080000000000000a1_secret')).rejects.toThrow(
        TypeError,
      );
      await expect(store.set(keyId, apiKeyHashOf('one').toUpperCase())).rejects.toThrow(TypeError);
      await expect(store.set('', apiKeyHashOf('one'))).rejects.toThrow(TypeError);
      expect(await store.get(keyId)).toBeUndefined();
    });

    it('given two instances on one storage, when one creates or revokes a key, then the other sees it', async () => {
      const [first, second] = [open(), open()];
      const keyId = freshId('key');

      await first.set(keyId, apiKeyHashOf('one'));
      expect(await second.get(keyId)).toBe(apiKeyHashOf('one'));
      await expect(second.set(keyId, apiKeyHashOf('two'))).rejects.toThrow(TypeError);
      await second.delete(keyId);
      expect(await first.get(keyId)).toBeUndefined();
    });

    it('given a closed store, when it is used, then it fails with CredentialStoreUnavailableError', async () => {
      const store = open();
      await store.close();

      await expect(store.get(freshId('key'))).rejects.toThrow(CredentialStoreUnavailableError);
      await expect(store.set(freshId('key'), apiKeyHashOf('one'))).rejects.toThrow(
        CredentialStoreUnavailableError,
      );
      await expect(store.delete(freshId('key'))).rejects.toThrow(CredentialStoreUnavailableError);
    });
  });
}
