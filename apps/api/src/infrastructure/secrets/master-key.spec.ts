import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadMasterKey, MASTER_KEY_FILE } from './master-key';
import { InvalidMasterKeyError } from './secret-errors';

const recordingLogger = () => {
  const warnings: string[] = [];
  const logs: string[] = [];
  return { warnings, logs, warn: (msg: string) => warnings.push(msg), log: (msg: string) => logs.push(msg) };
};

const caught = (action: () => unknown): Error => {
  try {
    action();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected an error');
};

describe('loadMasterKey', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'master-key-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  describe('given a configured SECRETS_KEY', () => {
    const key = randomBytes(32);

    it.each([
      ['base64', key.toString('base64')],
      ['unpadded base64url', key.toString('base64url')],
      ['hex', key.toString('hex')],
      ['base64 with surrounding whitespace', ` ${key.toString('base64')}\n`],
    ])(
      'when it is %s of 32 bytes, then those bytes are the key and nothing is written or warned',
      (_, configuredKey) => {
        const logger = recordingLogger();

        const loaded = loadMasterKey({ configuredKey, dataDir, logger });

        expect(loaded.equals(key)).toBe(true);
        expect(existsSync(join(dataDir, MASTER_KEY_FILE))).toBe(false);
        expect(logger.warnings).toEqual([]);
      },
    );

    it.each([
      ['16 bytes of base64', randomBytes(16).toString('base64')],
      ['33 bytes of hex', randomBytes(33).toString('hex')],
      ['a passphrase', 'my super secret passphrase that is long'],
      ['base64 with stray characters', `${key.toString('base64').slice(0, 40)}!!!!`],
    ])(
      'when it is %s, then it is rejected with a config error that does not echo the value',
      (_, configuredKey) => {
        const error = caught(() => loadMasterKey({ configuredKey, dataDir, logger: recordingLogger() }));

        expect(error).toBeInstanceOf(InvalidMasterKeyError);
        expect(error.message).toMatch(/SECRETS_KEY must be 32 bytes/);
        expect(error.message).not.toContain(configuredKey.trim());
        expect(error.message).not.toContain(configuredKey.trim().slice(0, 12));
      },
    );
  });

  describe('given no configured key', () => {
    it('when started the first time, then a 32-byte key is generated into <dataDir>/secrets.key with mode 0600 and one warning that never shows the key', () => {
      const logger = recordingLogger();

      const key = loadMasterKey({ dataDir, logger });

      const file = join(dataDir, MASTER_KEY_FILE);
      expect(key).toHaveLength(32);
      expect(readFileSync(file, 'utf8').trim()).toBe(key.toString('base64'));
      if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);
      expect(logger.warnings).toHaveLength(1);
      expect(logger.warnings[0]).toMatch(/generated a master key into the data folder/);
      expect(logger.warnings[0]).toContain(file);
      expect(logger.warnings[0]).toMatch(/a copy of the data folder alone can therefore decrypt/i);
      expect(logger.warnings[0]).toMatch(/SECRETS_KEY_FILE/);
      for (const message of [...logger.warnings, ...logger.logs]) {
        expect(message).not.toContain(key.toString('base64'));
        expect(message).not.toContain(key.toString('hex'));
      }
    });

    it('when started again, then the same key is reused and a short reminder names the file and what a copy reveals', () => {
      const first = loadMasterKey({ dataDir, logger: recordingLogger() });
      const logger = recordingLogger();

      const second = loadMasterKey({ dataDir, logger });
      const third = loadMasterKey({ dataDir, logger: recordingLogger() });

      expect(second.equals(first)).toBe(true);
      expect(third.equals(first)).toBe(true);
      expect(logger.warnings).toEqual([
        expect.stringMatching(/inside the data folder: a copy of the data folder alone decrypts/),
      ]);
      expect(logger.warnings[0]).toContain(join(dataDir, MASTER_KEY_FILE));
      expect(logger.warnings[0]).not.toMatch(/generated/);
    });

    it('treats a blank SECRETS_KEY as not configured', () => {
      const generated = loadMasterKey({ configuredKey: '  ', dataDir, logger: recordingLogger() });

      expect(loadMasterKey({ dataDir }).equals(generated)).toBe(true);
    });

    it('when the data folder does not exist yet, then it is created', () => {
      const nested = join(dataDir, 'a', 'b');

      loadMasterKey({ dataDir: nested });

      expect(existsSync(join(nested, MASTER_KEY_FILE))).toBe(true);
      if (process.platform !== 'win32') expect(statSync(nested).mode & 0o777).toBe(0o700);
    });

    it('given a damaged key file, when loading, then it fails loudly instead of generating a new key', () => {
      const file = join(dataDir, MASTER_KEY_FILE);
      writeFileSync(file, 'c2hvcnQ=\n', { mode: 0o600 });

      const error = caught(() => loadMasterKey({ dataDir, logger: recordingLogger() }));

      expect(error).toBeInstanceOf(InvalidMasterKeyError);
      expect(error.message).not.toContain('c2hvcnQ=');
      expect(readFileSync(file, 'utf8')).toBe('c2hvcnQ=\n');
    });

    if (process.platform !== 'win32') {
      it('given a key file readable by other users, when loading, then it warns to restrict it', () => {
        const key = loadMasterKey({ dataDir });
        chmodSync(join(dataDir, MASTER_KEY_FILE), 0o644);
        const logger = recordingLogger();

        expect(loadMasterKey({ dataDir, logger }).equals(key)).toBe(true);
        expect(logger.warnings).toContainEqual(expect.stringMatching(/readable by other users.*chmod 600/));
      });
    }
  });
  describe('given SECRETS_KEY_FILE', () => {
    let keyDir: string;
    let keyFile: string;
    const key = randomBytes(32);
    beforeEach(() => {
      keyDir = mkdtempSync(join(tmpdir(), 'master-key-file-'));
      keyFile = join(keyDir, 'master.key');
    });
    afterEach(() => rmSync(keyDir, { recursive: true, force: true }));

    it.each([
      ['base64', key.toString('base64')],
      ['hex', key.toString('hex')],
    ])(
      'when the file holds the key as %s, then that is the key, and nothing is written into the data folder',
      (_, encoded) => {
        writeFileSync(keyFile, `${encoded}\n`, { mode: 0o600 });
        const logger = recordingLogger();

        const loaded = loadMasterKey({ keyFile, dataDir, logger });

        expect(loaded.equals(key)).toBe(true);
        expect(existsSync(join(dataDir, MASTER_KEY_FILE))).toBe(false);
        expect(logger.warnings).toEqual([]);
        for (const message of logger.logs) expect(message).not.toContain(encoded);
      },
    );

    it('when the file is missing, then it fails naming the file, without generating a key', () => {
      const error = caught(() => loadMasterKey({ keyFile, dataDir, logger: recordingLogger() }));

      expect(error).toBeInstanceOf(InvalidMasterKeyError);
      expect(error.message).toContain(keyFile);
      expect(error.message).toMatch(/ENOENT/);
      expect(existsSync(join(dataDir, MASTER_KEY_FILE))).toBe(false);
    });

    it('when the file does not hold a 32-byte key, then it fails without echoing the content', () => {
      writeFileSync(keyFile, 'my secret passphrase\n', { mode: 0o600 });

      const error = caught(() => loadMasterKey({ keyFile, dataDir, logger: recordingLogger() }));

      expect(error).toBeInstanceOf(InvalidMasterKeyError);
      expect(error.message).toMatch(/SECRETS_KEY_FILE .* must hold 32 bytes/);
      expect(error.message).not.toContain('passphrase');
    });

    it('when SECRETS_KEY is set as well, then it is a configuration error', () => {
      writeFileSync(keyFile, key.toString('base64'), { mode: 0o600 });

      const error = caught(() =>
        loadMasterKey({ configuredKey: key.toString('hex'), keyFile, dataDir, logger: recordingLogger() }),
      );

      expect(error).toBeInstanceOf(InvalidMasterKeyError);
      expect(error.message).toMatch(/both set/);
    });

    if (process.platform !== 'win32') {
      it('when the file is readable by other users, then it warns to restrict it', () => {
        writeFileSync(keyFile, key.toString('base64'));
        chmodSync(keyFile, 0o644);
        const logger = recordingLogger();

        expect(loadMasterKey({ keyFile, dataDir, logger }).equals(key)).toBe(true);
        expect(logger.warnings).toEqual([expect.stringMatching(/readable by other users.*chmod 600/)]);
      });
    }
  });
});
