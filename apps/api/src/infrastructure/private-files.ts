import { chmodSync, closeSync, lstatSync, mkdirSync, openSync, readdirSync } from 'node:fs';
import { dirname, isAbsolute, join, relative } from 'node:path';

/**
 * The data folder holds the event log, password hashes, encrypted secrets and, without SECRETS_KEY,
 * the key that decrypts them: nothing in it is for other users of the machine.
 */
export const PRIVATE_FILE_MODE = 0o600;
export const PRIVATE_DIR_MODE = 0o700;

const POSIX = process.platform !== 'win32';

/** Creates the folder and its missing parents readable by the owner only. */
export function ensurePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
}

/**
 * Creates the file (empty) readable by the owner only when it does not exist yet. Called before
 * SQLite opens a database: SQLite gives its -wal, -shm and -journal files the mode of the database
 * file, so they are born private too.
 */
export function ensurePrivateFile(file: string): void {
  ensurePrivateDir(dirname(file));
  closeSync(openSync(file, 'a', PRIVATE_FILE_MODE));
}

export type DataFolderLayout = Readonly<{
  /** Files directly in the data folder that the product creates (not whatever else lies there). */
  isProductFile: (name: string) => boolean;
  /** Folders in the data folder that hold only what the product writes. */
  productFolders: readonly string[];
  /** A folder where users put their own files (the SQLite databases): the folder and these files are ours. */
  sharedFolder?: Readonly<{ dir: string; productFiles: readonly string[] }>;
}>;

export type Tightening = Readonly<{ tightened: readonly string[]; failed: readonly string[] }>;

/**
 * Restricts what an earlier version (or a copy, or a wide umask) left readable by others in the data
 * folder: folders to 0700, files to 0600. Only what the product creates is touched and symbolic
 * links are never followed. Answers the paths changed, relative to the data folder, for one log line.
 */
export function tightenDataFolder(dataDir: string, layout: DataFolderLayout): Tightening {
  const tightened: string[] = [];
  const failed: string[] = [];
  if (!POSIX) return { tightened, failed };
  const tighten = (path: string, isDir: boolean, mode: number) => {
    const wanted = isDir ? PRIVATE_DIR_MODE : PRIVATE_FILE_MODE;
    if ((mode & 0o777 & ~wanted) === 0) return;
    const name = relative(dataDir, path) || '.';
    try {
      chmodSync(path, wanted);
      tightened.push(name);
    } catch (error) {
      failed.push(`${name} (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
    }
  };
  /** Tightens `path`; below a folder, only the entries `enter` accepts. */
  const visit = (path: string, enter: (name: string) => boolean) => {
    const stat = lstatSync(path, { throwIfNoEntry: false });
    if (stat === undefined || stat.isSymbolicLink()) return;
    if (stat.isFile()) tighten(path, false, stat.mode);
    if (!stat.isDirectory()) return;
    tighten(path, true, stat.mode);
    for (const entry of readdirSync(path)) if (enter(entry)) visit(join(path, entry), () => true);
  };
  visit(dataDir, layout.isProductFile);
  for (const folder of layout.productFolders) visit(join(dataDir, folder), () => true);
  const shared = layout.sharedFolder;
  if (shared !== undefined && isInside(dataDir, shared.dir))
    visit(shared.dir, (name) => shared.productFiles.includes(name));
  return { tightened, failed };
}

const isInside = (folder: string, path: string) => {
  const rel = relative(folder, path);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
};
