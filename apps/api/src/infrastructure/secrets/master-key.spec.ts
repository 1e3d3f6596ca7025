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
      expect(logger.warnings[0]).toMatch(/Configure SECRETS_KEY for production/);
      for (const message of [...logger.warnings, ...logger.logs]) {
        expect(message).not.toContain(key.toString('base64'));
        expect(message).not.toContain(key.toString('hex'));
      }
    });

    it('when started again, then the same key is reused and the warning is not repeated', () => {
      const logger = recordingLogger();
      const first = loadMasterKey({ dataDir, logger });

      const second = loadMasterKey({ dataDir, logger });
      const third = loadMasterKey({ dataDir, logger: recordingLogger() });

      expect(second.equals(first)).toBe(true);
      expect(third.equals(first)).toBe(true);
      expect(logger.warnings).toHaveLength(1);
    });

    it('treats a blank SECRETS_KEY as not configured', () => {
      const generated = loadMasterKey({ configuredKey: '  ', dataDir, logger: recordingLogger() });

      expect(loadMasterKey({ dataDir }).equals(generated)).toBe(true);
    });

    it('when the data folder does not exist yet, then it is created', () => {
      const nested = join(dataDir, 'a', 'b');

      loadMasterKey({ dataDir: nested });

      expect(existsSync(join(nested, MASTER_KEY_FILE))).toBe(true);
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
        expect(logger.warnings).toEqual([expect.stringMatching(/readable by other users.*chmod 600/)]);
      });
    }
  });
});
