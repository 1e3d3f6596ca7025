import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import {
  InvalidMasterKeyError,
  SecretKeyMismatchError,
  SecretNotFoundError,
  SecretShreddedError,
  SecretStoreUnavailableError,
  SecretTamperedError,
} from './secret-errors';
import { SecretStore } from './secret-store';

describe('SecretStore', () => {
  let dir: string;
  let file: string;
  const masterKey = randomBytes(32);
  const open = (key: Buffer = masterKey) => new SecretStore({ file, masterKey: key });
  const stores: SecretStore[] = [];
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
  afterEach(() => {
    stores.splice(0).forEach((store) => store.close());
    rmSync(dir, { recursive: true, force: true });
  });

  it('given a stored secret, when it is read by its reference, then the plaintext comes back', () => {
    const store = given();
    const refs = ['s3cr3t-P@ss', 'pässwörd ✓ 🔑', ''].map((plaintext) => [store.put(plaintext), plaintext]);
    for (const [ref, plaintext] of refs) expect(store.get(ref)).toBe(plaintext);
  });

  it('gives each secret its own secret-<uuidv7> reference, even for equal plaintexts', () => {
    const store = given();
    const first = store.put('same');
    const second = store.put('same');
    expect(first).toMatch(/^secret-[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(second).not.toBe(first);
    expect(Buffer.from(rawRow(first).ciphertext).equals(Buffer.from(rawRow(second).ciphertext))).toBe(false);
  });

  it("never writes a secret's plaintext into the SQLite file bytes", () => {
    const store = given();
    const plaintext = 'correct-horse-battery-staple-4711';
    const ref = store.put(plaintext);
    store.put(plaintext.repeat(200)); // large enough to spill into overflow pages

    const whileOpen = fileBytes();
    store.close();
    const afterClose = fileBytes();

    for (const bytes of [whileOpen, afterClose]) {
      expect(bytes.includes(Buffer.from(plaintext, 'utf8'))).toBe(false);
      expect(bytes.includes(Buffer.from(plaintext, 'utf16le'))).toBe(false);
      expect(bytes.includes(Buffer.from(ref, 'utf8'))).toBe(true); // the file was really inspected
    }
  });

  it('given secrets stored before a restart, when the store is reopened with the same master key, then they are readable', () => {
    const before = open();
    const ref = before.put('survives restarts');
    before.close();

    expect(given().get(ref)).toBe('survives restarts');
  });

  it('given a shredded secret, when it is read, then it fails with SecretShreddedError while other secrets stay readable', () => {
    const store = given();
    const shredded = store.put('to be forgotten');
    const kept = store.put('to be kept');

    store.shred(shredded);

    expect(() => store.get(shredded)).toThrow(SecretShreddedError);
    expect(store.get(kept)).toBe('to be kept');
  });

  it('given a shredded secret, when the store is reopened, then it is still unreadable', () => {
    const store = open();
    const ref = store.put('gone for good');
    store.shred(ref);
    store.close();

    expect(() => given().get(ref)).toThrow(SecretShreddedError);
  });

  it.each([
    ['a small secret', 'shred me'],
    ['a large secret (overflow pages)', 'shred me '.repeat(2000)],
  ])(
    'when %s is shredded, then its wrapped data key and ciphertext are gone from the file bytes',
    (_, plaintext) => {
      const store = given();
      const neighbours = [store.put(plaintext), store.put(plaintext)];
      const ref = store.put(plaintext);
      neighbours.push(store.put(plaintext));
      const wrappedKey = Buffer.from(rawRow(ref).wrapped_key);
      const ciphertextSample = Buffer.from(rawRow(ref).ciphertext).subarray(-32);
      expect(fileBytes().includes(wrappedKey)).toBe(true);
      expect(fileBytes().includes(ciphertextSample)).toBe(true);

      store.shred(ref);

      const bytes = fileBytes();
      expect(bytes.includes(wrappedKey)).toBe(false);
      expect(bytes.includes(ciphertextSample)).toBe(false);
      for (const other of neighbours) expect(store.get(other)).toBe(plaintext);
    },
  );

  it('shredding a secret twice is a no-op', () => {
    const store = given();
    const ref = store.put('once');
    store.shred(ref);

    expect(() => store.shred(ref)).not.toThrow();
    expect(() => store.get(ref)).toThrow(SecretShreddedError);
  });

  it('given an unknown reference, when it is read or shredded, then it fails with SecretNotFoundError', () => {
    const store = given();

    expect(() => store.get('secret-0190a4b2-0000-7000-8000-000000000000')).toThrow(SecretNotFoundError);
    expect(() => store.shred('secret-0190a4b2-0000-7000-8000-000000000000')).toThrow(SecretNotFoundError);
  });

  it('given secrets stored under one master key, when the store is opened with another, then it fails with SecretKeyMismatchError', () => {
    const store = open();
    store.put('readable only with the right key');
    store.close();

    expect(() => open(randomBytes(32))).toThrow(SecretKeyMismatchError);
  });

  it('given a tampered ciphertext, when the secret is read, then it fails with SecretTamperedError, never garbage', () => {
    const store = given();
    const ref = store.put('integrity matters');
    const ciphertext = Buffer.from(rawRow(ref).ciphertext);
    ciphertext[ciphertext.length - 1] ^= 0x01;
    withRawDatabase((db) =>
      db.prepare('UPDATE secrets SET ciphertext = ? WHERE ref = ?').run(ciphertext, ref),
    );

    expect(() => store.get(ref)).toThrow(SecretTamperedError);
  });

  it('given a tampered wrapped data key, when the secret is read, then it fails with SecretTamperedError', () => {
    const store = given();
    const ref = store.put('integrity matters');
    const wrapped = Buffer.from(rawRow(ref).wrapped_key);
    wrapped[20] ^= 0x80;
    withRawDatabase((db) => db.prepare('UPDATE secrets SET wrapped_key = ? WHERE ref = ?').run(wrapped, ref));

    expect(() => store.get(ref)).toThrow(SecretTamperedError);
  });

  it("given one secret's key and ciphertext copied onto another reference, when that one is read, then it fails (the reference is authenticated)", () => {
    const store = given();
    const victim = store.put('victim secret');
    const attacker = store.put('attacker secret');
    const { wrapped_key, ciphertext } = rawRow(victim);
    withRawDatabase((db) =>
      db
        .prepare('UPDATE secrets SET wrapped_key = ?, ciphertext = ? WHERE ref = ?')
        .run(wrapped_key, ciphertext, attacker),
    );

    expect(() => store.get(attacker)).toThrow(SecretTamperedError);
    expect(store.get(victim)).toBe('victim secret');
  });

  it('refuses a master key that is not 32 bytes', () => {
    expect(() => open(randomBytes(16))).toThrow(InvalidMasterKeyError);
  });

  it('given a file that cannot be created, when the store opens, then it fails with SecretStoreUnavailableError', () => {
    const notADirectory = join(dir, 'plain-file');
    writeFileSync(notADirectory, 'x');
    file = join(notADirectory, 'secrets.sqlite');

    expect(() => open()).toThrow(SecretStoreUnavailableError);
  });

  it('given a closed store, when it is used, then it fails with SecretStoreUnavailableError', () => {
    const store = open();
    const ref = store.put('x');
    store.close();

    expect(() => store.get(ref)).toThrow(SecretStoreUnavailableError);
    expect(() => store.put('y')).toThrow(SecretStoreUnavailableError);
    expect(() => store.close()).not.toThrow();
  });
});
