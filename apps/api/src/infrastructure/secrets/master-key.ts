import { randomBytes } from 'node:crypto';
import { closeSync, fstatSync, fsyncSync, openSync, readFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { ensurePrivateDir } from '../private-files';
import { InvalidMasterKeyError } from './secret-errors';
import { MASTER_KEY_BYTES } from './secret-sealing';

export type MasterKeyLogger = { warn(msg: string): void; log(msg: string): void };

export type LoadMasterKeyOptions = Readonly<{
  /** SECRETS_KEY: 32 bytes as base64 (44 characters, or 43 unpadded / base64url) or hex (64 characters). */
  configuredKey?: string;
  /** SECRETS_KEY_FILE: a file holding the key, encoded as SECRETS_KEY is, kept outside the data folder. */
  keyFile?: string;
  /** Data folder of the embedded default; holds `secrets.key` when no key is configured. */
  dataDir: string;
  logger?: MasterKeyLogger;
}>;

export const MASTER_KEY_FILE = 'secrets.key';

/**
 * The configured key when there is one (SECRETS_KEY, or the file SECRETS_KEY_FILE names; validated,
 * never echoed); otherwise the key in `<dataDir>/secrets.key`, generated on first start. Creation is
 * exclusive (O_EXCL), so two processes starting together end up with the same key; only the one that
 * generated it logs the full warning, every start logs a reminder.
 */
export function loadMasterKey({ configuredKey, keyFile, dataDir, logger }: LoadMasterKeyOptions): Buffer {
  const encodedKey = configuredKey?.trim() || undefined;
  if (encodedKey !== undefined && keyFile !== undefined)
    throw new InvalidMasterKeyError('SECRETS_KEY and SECRETS_KEY_FILE are both set: set one of them');
  if (keyFile !== undefined) return readConfiguredKeyFile(keyFile, logger);
  if (encodedKey !== undefined) {
    const key = decodeKey(encodedKey);
    if (!key) {
      throw new InvalidMasterKeyError(
        `SECRETS_KEY must be ${MASTER_KEY_BYTES} bytes encoded as base64 (44 characters) or hex (64 characters); ` +
          'the configured value is not (generate one with: openssl rand -base64 32)',
      );
    }
    return key;
  }
  const file = join(dataDir, MASTER_KEY_FILE);
  const generated = createKeyFile(dataDir, file);
  if (generated) {
    logger?.warn(
      `No SECRETS_KEY or SECRETS_KEY_FILE configured: generated a master key into the data folder (${file}). ` +
        'A copy of the data folder alone can therefore decrypt the stored connection passwords. ' +
        'For production, keep the key outside the data folder (SECRETS_KEY_FILE, or SECRETS_KEY) and keep a copy safe: ' +
        'without it the stored secrets cannot be read.',
    );
    return generated;
  }
  const key = readKeyFile(file, logger);
  logger?.warn(
    `Master key read from ${file}, inside the data folder: a copy of the data folder alone decrypts the ` +
      'connection passwords (set SECRETS_KEY_FILE to keep the key elsewhere)',
  );
  return key;
}

function readConfiguredKeyFile(file: string, logger: MasterKeyLogger | undefined): Buffer {
  let content: string;
  try {
    const fd = openSync(file, 'r');
    try {
      warnIfShared(fd, file, logger);
      content = readFileSync(fd, 'utf8');
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    throw new InvalidMasterKeyError(`SECRETS_KEY_FILE ${file} cannot be read (${code})`);
  }
  const key = decodeKey(content);
  if (!key)
    throw new InvalidMasterKeyError(
      `SECRETS_KEY_FILE ${file} must hold ${MASTER_KEY_BYTES} bytes encoded as base64 (44 characters) or hex ` +
        '(64 characters); it does not (generate one with: openssl rand -base64 32)',
    );
  logger?.log(`Using the master key in ${file} (SECRETS_KEY_FILE)`);
  return key;
}

function warnIfShared(fd: number, file: string, logger: MasterKeyLogger | undefined): void {
  if (process.platform !== 'win32' && (fstatSync(fd).mode & 0o077) !== 0)
    logger?.warn(`${file} is readable by other users; restrict it with: chmod 600 ${file}`);
}

/** Decodes hex or base64 of exactly 32 bytes; undefined for anything else. */
function decodeKey(encoded: string): Buffer | undefined {
  const value = encoded.trim();
  if (/^[0-9a-f]{64}$/i.test(value)) return Buffer.from(value, 'hex');
  // Buffer.from(base64) skips characters it does not know, so check the alphabet first.
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(value)) return undefined;
  const key = Buffer.from(value.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
  return key.length === MASTER_KEY_BYTES ? key : undefined;
}

/** Generates and writes the key when the file does not exist yet; undefined when it already does. */
function createKeyFile(dataDir: string, file: string): Buffer | undefined {
  ensurePrivateDir(dataDir);
  let fd: number;
  try {
    fd = openSync(file, 'wx', 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return undefined;
    throw error;
  }
  const key = randomBytes(MASTER_KEY_BYTES);
  try {
    writeSync(fd, `${key.toString('base64')}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  return key;
}

const READ_ATTEMPTS = 50;
const READ_RETRY_MS = 20;

function readKeyFile(file: string, logger: MasterKeyLogger | undefined): Buffer {
  // Another process may have created the file an instant ago and not written the key yet.
  for (let attempt = 1; ; attempt++) {
    const fd = openSync(file, 'r');
    let content: string;
    try {
      if (attempt === 1) warnIfShared(fd, file, logger);
      content = readFileSync(fd, 'utf8');
    } finally {
      closeSync(fd);
    }
    const key = decodeKey(content);
    if (key) return key;
    if (content.trim() !== '' || attempt >= READ_ATTEMPTS) {
      throw new InvalidMasterKeyError(
        `${file} does not hold a ${MASTER_KEY_BYTES}-byte key; restore it from a backup or configure SECRETS_KEY`,
      );
    }
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, READ_RETRY_MS);
  }
}
