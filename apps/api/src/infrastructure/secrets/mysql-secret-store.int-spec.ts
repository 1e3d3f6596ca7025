import { randomBytes } from 'node:crypto';
import { createPool, type RowDataPacket } from 'mysql2/promise';
import { stateDatabases } from '../mysql/testing/state-databases';
import { MysqlSecretStore } from './mysql-secret-store';
import { SecretTamperedError } from './secret-errors';
import { describeSecretStoreContract } from './testing/secret-store.contract';

const databases = stateDatabases('ib_secrets');

describeSecretStoreContract('MysqlSecretStore', {
  open: (masterKey) => new MysqlSecretStore({ ...databases.own(), masterKey }),
  setUp: databases.setUp,
  tearDown: databases.tearDown,
});

describe('MysqlSecretStore', () => {
  const masterKey = randomBytes(32);
  beforeEach(databases.setUp);
  afterEach(databases.tearDown);

  /** The rows as anyone with access to the database sees them. */
  const withRawPool = async <T>(use: (pool: ReturnType<typeof createPool>) => Promise<T>) => {
    const { host, port, user, password, database } = databases.server();
    const pool = createPool({ host, port, user, password, database });
    try {
      return await use(pool);
    } finally {
      await pool.end();
    }
  };

  it('never stores the plaintext, and a ciphertext copied onto another reference fails its integrity check', async () => {
    const store = new MysqlSecretStore({ ...databases.own(), masterKey });
    const victim = await store.put('victim secret');
    const attacker = await store.put('attacker secret');

    await withRawPool(async (pool) => {
      const [rows] = await pool.query<RowDataPacket[]>('SELECT ref, wrapped_key, ciphertext FROM secrets');
      for (const row of rows)
        expect(Buffer.concat([row.wrapped_key as Buffer, row.ciphertext as Buffer]).includes('secret')).toBe(
          false,
        );
      await pool.query(
        `UPDATE secrets AS target JOIN secrets AS source ON source.ref = ?
         SET target.wrapped_key = source.wrapped_key, target.ciphertext = source.ciphertext WHERE target.ref = ?`,
        [victim, attacker],
      );
    });

    await expect(store.get(attacker)).rejects.toThrow(SecretTamperedError);
    expect(await store.get(victim)).toBe('victim secret');
    await store.close();
  });

  it('given a shredded secret, then its row keeps no key and no ciphertext', async () => {
    const store = new MysqlSecretStore({ ...databases.own(), masterKey });
    const ref = await store.put('shred me');

    await store.shred(ref);

    const [rows] = await withRawPool((pool) =>
      pool.query<RowDataPacket[]>('SELECT wrapped_key, ciphertext, shredded_at FROM secrets WHERE ref = ?', [
        ref,
      ]),
    );
    expect(rows).toEqual([{ wrapped_key: null, ciphertext: null, shredded_at: expect.any(String) }]);
    await store.close();
  });
});
