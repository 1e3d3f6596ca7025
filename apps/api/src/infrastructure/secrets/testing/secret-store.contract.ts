import { randomBytes } from 'node:crypto';
import { type ContractStores, useContractStores } from '../../testing/store-contract';
import {
  InvalidMasterKeyError,
  SecretKeyMismatchError,
  SecretNotFoundError,
  SecretShreddedError,
  SecretStoreUnavailableError,
} from '../secret-errors';
import { type SecretStore } from '../secret-store.port';

const UNKNOWN_REF = 'secret-0190a4b2-0000-7000-8000-000000000000';

/**
 * What every SecretStore does, whatever holds the sealed secrets. `open` takes the master key; the
 * storage must be fresh for each test, since the first key used on it is the one it keeps.
 */
export function describeSecretStoreContract(name: string, stores: ContractStores<SecretStore, Buffer>) {
  describe(`${name} (SecretStore contract)`, () => {
    const masterKey = randomBytes(32);
    const openWith = useContractStores(stores);
    const open = () => openWith(masterKey);

    it('given a stored secret, when it is read by its reference, then the plaintext comes back', async () => {
      const store = open();
      for (const plaintext of ['s3cr3t-P@ss', 'pässwörd ✓ 🔑', '', 'long '.repeat(2000)])
        expect(await store.get(await store.put(plaintext))).toBe(plaintext);
    });

    it('gives each secret its own secret-<uuidv7> reference, even for equal plaintexts', async () => {
      const store = open();
      const first = await store.put('same');
      const second = await store.put('same');

      expect(first).toMatch(/^secret-[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(second).not.toBe(first);
    });

    it('given a shredded secret, when it is read, then it fails with SecretShreddedError while other secrets stay readable', async () => {
      const store = open();
      const shredded = await store.put('to be forgotten');
      const kept = await store.put('to be kept');

      await store.shred(shredded);

      await expect(store.get(shredded)).rejects.toThrow(SecretShreddedError);
      expect(await store.get(kept)).toBe('to be kept');
    });

    it('shredding a secret twice is a no-op', async () => {
      const store = open();
      const ref = await store.put('once');
      await store.shred(ref);

      await expect(store.shred(ref)).resolves.toBeUndefined();
      await expect(store.get(ref)).rejects.toThrow(SecretShreddedError);
    });

    it('given an unknown reference, when it is read or shredded, then it fails with SecretNotFoundError', async () => {
      const store = open();

      await expect(store.get(UNKNOWN_REF)).rejects.toThrow(SecretNotFoundError);
      await expect(store.shred(UNKNOWN_REF)).rejects.toThrow(SecretNotFoundError);
    });

    it('given two instances with one master key on one storage, when one stores or shreds a secret, then the other sees it', async () => {
      const [first, second] = [open(), open()];

      const ref = await first.put('shared between instances');
      expect(await second.get(ref)).toBe('shared between instances');
      await second.shred(ref);
      await expect(first.get(ref)).rejects.toThrow(SecretShreddedError);
    });

    it('given secrets stored under one master key, when a store with another key uses them, then it fails with SecretKeyMismatchError', async () => {
      const ref = await open().put('readable only with the right key');

      // The embedded store checks the key as it opens, a server's on first use: either way, no garbage.
      await expect(Promise.resolve().then(() => openWith(randomBytes(32)).get(ref))).rejects.toThrow(
        SecretKeyMismatchError,
      );
    });

    it('refuses a master key that is not 32 bytes', () => {
      expect(() => openWith(randomBytes(16))).toThrow(InvalidMasterKeyError);
    });

    it('given a closed store, when it is used, then it fails with SecretStoreUnavailableError', async () => {
      const store = open();
      const ref = await store.put('x');
      await store.close();

      await expect(store.get(ref)).rejects.toThrow(SecretStoreUnavailableError);
      await expect(store.put('y')).rejects.toThrow(SecretStoreUnavailableError);
      await expect(store.close()).resolves.toBeUndefined();
    });
  });
}
