import { createHash, randomBytes } from 'node:crypto';
import { type ContractStores, useContractStores } from '../../../infrastructure/testing/store-contract';
import { type PackageStore } from '../package-store.port';

/** A package of random bytes under its own hash, as the generator names packages. */
export const aPackage = (size = 4_096) => {
  const bytes = randomBytes(size);
  return { hash: `sha256:${createHash('sha256').update(bytes).digest('hex')}`, bytes };
};

/** What every PackageStore does, whatever holds the packages. */
export function describePackageStoreContract(name: string, stores: ContractStores<PackageStore>) {
  describe(`${name} (PackageStore contract)`, () => {
    const open = useContractStores(stores);

    it('given a stored package, when it is read by its hash, then the same bytes come back', async () => {
      const store = open();
      const { hash, bytes } = aPackage(2_000_000);

      await store.put(hash, bytes);

      expect((await store.get(hash))?.equals(bytes)).toBe(true);
    });

    it('given no package under a hash, when it is read, then it is undefined', async () => {
      expect(await open().get(aPackage().hash)).toBeUndefined();
    });

    it('given a stored package, when it is stored again, then nothing changes', async () => {
      const store = open();
      const { hash, bytes } = aPackage();
      await store.put(hash, bytes);

      await store.put(hash, bytes);

      expect((await store.get(hash))?.equals(bytes)).toBe(true);
    });

    it('given two instances on one storage, when one stores a package, then the other serves it', async () => {
      const [generator, server] = [open(), open()];
      const { hash, bytes } = aPackage();

      await generator.put(hash, bytes);

      expect((await server.get(hash))?.equals(bytes)).toBe(true);
    });

    it('refuses what is not a package hash, so no path or key can be aimed elsewhere', async () => {
      const store = open();

      await expect(store.put('../../etc/passwd', Buffer.from('x'))).rejects.toThrow(/Not a package hash/);
      await expect(store.get('sha256:XYZ')).rejects.toThrow(/Not a package hash/);
    });
  });
}
