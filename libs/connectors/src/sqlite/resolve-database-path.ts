import { realpathSync, statSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { ConnectorError } from '../spi';

/**
 * Resolves `path` (relative to the databases folder `root`) to the real path of an existing database
 * file, touching nothing but the file system's metadata: no file is opened, none is created.
 *
 * Escapes are refused before existence is looked at, so the answer never tells whether a file exists
 * outside the folder: `..` segments and absolute paths are checked as written, symbolic links (of the
 * file or any folder on the way, even when the file is missing) once resolved.
 */
export function resolveDatabasePath(root: string, path: string): string {
  if (root.includes('\0') || path.includes('\0')) throw notAllowed(path, 'contains a NUL character');
  if (path.trim() === '')
    throw new ConnectorError('CONNECTOR.INVALID_OPTIONS', 'A database path is required');
  if (root.trim() === '')
    throw new ConnectorError('CONNECTOR.INVALID_OPTIONS', 'A databases folder is required');

  const rootPath = resolve(root);
  const filePath = resolve(rootPath, path);
  if (!isInside(rootPath, filePath)) throw notAllowed(path, 'is outside the databases folder');

  const realRoot = realPathOf(rootPath, path);
  if (realRoot === undefined) throw notFound(path);
  const realFile = realPathOf(filePath, path);
  if (!isInside(realRoot, realFile ?? nearestRealAncestor(filePath, path))) {
    throw notAllowed(path, 'is outside the databases folder');
  }
  if (realFile === undefined || !statSync(realFile).isFile()) throw notFound(path);
  return realFile;
}

function isInside(folder: string, candidate: string): boolean {
  const rel = relative(folder, candidate);
  return rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
}

/** The real path, or undefined when nothing is there. */
function realPathOf(target: string, label: string): string | undefined {
  try {
    return realpathSync.native(target);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    if (code === 'ELOOP') throw notAllowed(label, 'runs into a symbolic link loop');
    if (code === 'EACCES' || code === 'EPERM') {
      throw new ConnectorError('CONNECTOR.PERMISSION_DENIED', `Database "${label}" cannot be accessed`);
    }
    throw error;
  }
}

/** Where a missing file would be, once the folders that do exist are resolved. */
function nearestRealAncestor(filePath: string, label: string): string {
  let current = dirname(filePath);
  for (;;) {
    const real = realPathOf(current, label);
    if (real !== undefined) return real;
    const parent = dirname(current);
    if (parent === current) return current;
    current = parent;
  }
}

const notAllowed = (path: string, why: string) =>
  new ConnectorError('CONNECTOR.PATH_NOT_ALLOWED', `Database path "${path.replaceAll('\0', '\\0')}" ${why}`);

const notFound = (path: string) =>
  new ConnectorError(
    'CONNECTOR.DATABASE_NOT_FOUND',
    `Database "${path}" does not exist in the databases folder`,
  );
