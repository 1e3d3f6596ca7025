import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { SecretShreddedError, SecretStoreUnavailableError, SecretTamperedError } from './secret-errors';
import { SecretSealer } from './secret-sealing';
import { SqliteSecretStore } from './secret-store';
import { describeSecretStoreContract } from './testing/secret-store.contract';

let contractDir: string;
let contractFile: string;
describeSecretStoreContract('SqliteSecretStore', {
  open: (masterKey) => new SqliteSecretStore({ file: contractFile, masterKey }),
  setUp: () => {
    contractDir = mkdtempSync(join(tmpdir(), 'secret-store-contract-'));
    contractFile = join(contractDir, 'secrets.sqlite');
  },
  tearDown: () => rmSync(contractDir, { recursive: true, force: true }),
});
describe('SqliteSecretStore', () => {
  let dir: string;
  let file: string;
  const masterKey = randomBytes(32);
  const open = (key: Buffer = masterKey) => new SqliteSecretStore({ file, masterKey: key });
  const stores: SqliteSecretStore[] = [];
  const given = (key?: Buffer) => {
    const store = open(key);
    stores.push(store);
    return store;
  };

  /** Everything SQLite keeps on disk for the file: the database, its WAL and shared-memory index. */
  const fileBytes = () =>
    Buffer.concat(
      [file, `${file}-wal`, `${file}-shm`]
        .filter((path) => existsSync(path))
        .map((path) => readFileSync(path)),
    );
  const withRawDatabase = <T>(action: (db: DatabaseSync) => T): T => {
    const db = new DatabaseSync(file);
    try {
      db.exec('PRAGMA busy_timeout = 5000');
      return action(db);
    } finally {
      db.close();
    }
  };
  const rawRow = (ref: string) =>
    withRawDatabase(
      (db) =>
        db.prepare('SELECT wrapped_key, ciphertext FROM secrets WHERE ref = ?').get(ref) as {
          wrapped_key: Uint8Array;
          ciphertext: Uint8Array;
        },
    );

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'secret-store-'));
    file = join(dir, 'secrets.sqlite');
  });
  afterEach(async () => {
    await Promise.all(stores.splice(0).map((store) => store.close()));
    rmSync(dir, { recursive: true, force: true });
  });

  it('gives each secret its own secret-<uuidv7> reference, even for equal plaintexts', async () => {
    const store = given();
    const first = await store.put('same');
    const second = await store.put('same');
    expect(first).toMatch(/^secret-[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(second).not.toBe(first);
    expect(Buffer.from(rawRow(first).ciphertext).equals(Buffer.from(rawRow(second).ciphertext))).toBe(false);
  });

  it("never writes a secret's plaintext into the SQLite file bytes", async () => {
    const store = given();
    const plaintext = 'correct-horse-battery-staple-4711';
    const ref = await store.put(plaintext);
    await store.put(plaintext.repeat(200)); // large enough to spill into overflow pages

    const whileOpen = fileBytes();
    await store.close();
    const afterClose = fileBytes();

    for (const bytes of [whileOpen, afterClose]) {
      expect(bytes.includes(Buffer.from(plaintext, 'utf8'))).toBe(false);
      expect(bytes.includes(Buffer.from(plaintext, 'utf16le'))).toBe(false);
      expect(bytes.includes(Buffer.from(ref, 'utf8'))).toBe(true); // the file was really inspected
    }
  });

  it('given secrets stored before a restart, when the store is reopened with the same master key, then they are readable', async () => {
    const before = open();
    const ref = await before.put('survives restarts');
    await before.close();

    expect(await given().get(ref)).toBe('survives restarts');
  });

  it('given a shredded secret, when the store is reopened, then it is still unreadable', async () => {
    const store = open();
    const ref = await store.put('gone for good');
    await store.shred(ref);
    await store.close();

    await expect(given().get(ref)).rejects.toThrow(SecretShreddedError);
  });

  it.each([
    ['a small secret', 'shred me'],
    ['a large secret (overflow pages)', 'shred me '.repeat(2000)],
  ])(
    'when %s is shredded, then its wrapped data key and ciphertext are gone from the file bytes',
    async (_, plaintext) => {
      const store = given();
      const neighbours = [await store.put(plaintext), await store.put(plaintext)];
      const ref = await store.put(plaintext);
      neighbours.push(await store.put(plaintext));
      const wrappedKey = Buffer.from(rawRow(ref).wrapped_key);
      const ciphertextSample = Buffer.from(rawRow(ref).ciphertext).subarray(-32);
      expect(fileBytes().includes(wrappedKey)).toBe(true);
      expect(fileBytes().includes(ciphertextSample)).toBe(true);

      await store.shred(ref);

      const bytes = fileBytes();
      expect(bytes.includes(wrappedKey)).toBe(false);
      expect(bytes.includes(ciphertextSample)).toBe(false);
      for (const other of neighbours) expect(await store.get(other)).toBe(plaintext);
    },
  );

  it('given a tampered ciphertext, when the secret is read, then it fails with SecretTamperedError, never garbage', async () => {
    const store = given();
    const ref = await store.put('integrity matters');
    const ciphertext = Buffer.from(rawRow(ref).ciphertext);
    ciphertext[ciphertext.length - 1] ^= 0x01;
    withRawDatabase((db) =>
      db.prepare('UPDATE secrets SET ciphertext = ? WHERE ref = ?').run(ciphertext, ref),
    );

    await expect(store.get(ref)).rejects.toThrow(SecretTamperedError);
  });

  it('given a tampered wrapped data key, when the secret is read, then it fails with SecretTamperedError', async () => {
    const store = given();
    const ref = await store.put('integrity matters');
    const wrapped = Buffer.from(rawRow(ref).wrapped_key);
    wrapped[20] ^= 0x80;
    withRawDatabase((db) => db.prepare('UPDATE secrets SET wrapped_key = ? WHERE ref = ?').run(wrapped, ref));

    await expect(store.get(ref)).rejects.toThrow(SecretTamperedError);
  });

  it("given one secret's key and ciphertext copied onto another reference, when that one is read, then it fails (the reference is authenticated)", async () => {
    const store = given();
    const victim = await store.put('victim secret');
    const attacker = await store.put('attacker secret');
    const { wrapped_key, ciphertext } = rawRow(victim);
    withRawDatabase((db) =>
      db
        .prepare('UPDATE secrets SET wrapped_key = ?, ciphertext = ? WHERE ref = ?')
        .run(wrapped_key, ciphertext, attacker),
    );

    await expect(store.get(attacker)).rejects.toThrow(SecretTamperedError);
    expect(await store.get(victim)).toBe('victim secret');
  });

  it('given a ciphertext copied out before its secret was shredded, when it is put back, then nothing left in the store decrypts it: its data key is gone', async () => {
    const store = given();
    const ref = await store.put('the old password');
    const neighbours = [await store.put('a neighbour'), await store.put('another neighbour')];
    const copied = {
      wrappedKey: Buffer.from(rawRow(ref).wrapped_key),
      ciphertext: Buffer.from(rawRow(ref).ciphertext),
    };
    const sealer = new SecretSealer(masterKey);
    // The copy is what the secret was: with its data key, it opens.
    expect(sealer.open(ref, { ...copied, shredded: false })).toBe('the old password');

    await store.shred(ref);
    // As a backup of the ciphertext column, or a forensic copy of it, would put it back.
    withRawDatabase((db) =>
      db.prepare('UPDATE secrets SET ciphertext = ? WHERE ref = ?').run(copied.ciphertext, ref),
    );

    expect(rawRow(ref).wrapped_key).toBeNull();
    await expect(store.get(ref)).rejects.toThrow(SecretShreddedError);
    // Every secret had a data key of its own: none of those left opens the copy.
    const remaining = withRawDatabase(
      (db) =>
        db.prepare('SELECT wrapped_key FROM secrets WHERE wrapped_key IS NOT NULL').all() as {
          wrapped_key: Uint8Array;
        }[],
    );
    expect(remaining).toHaveLength(neighbours.length);
    for (const { wrapped_key } of remaining)
      expect(() =>
        sealer.open(ref, { wrappedKey: wrapped_key, ciphertext: copied.ciphertext, shredded: false }),
      ).toThrow(SecretTamperedError);
    expect(fileBytes().includes(copied.wrappedKey)).toBe(false);
    for (const neighbour of neighbours) expect(await store.get(neighbour)).toMatch(/neighbour$/);
  });

  it('given a file that cannot be created, when the store opens, then it fails with SecretStoreUnavailableError', () => {
    const notADirectory = join(dir, 'plain-file');
    writeFileSync(notADirectory, 'x');
    file = join(notADirectory, 'secrets.sqlite');

    expect(() => open()).toThrow(SecretStoreUnavailableError);
  });
});
