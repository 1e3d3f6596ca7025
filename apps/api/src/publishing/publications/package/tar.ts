/**
 * A minimal, deterministic POSIX ustar writer: regular files only, paths sorted, fixed
 * mode 0644, uid/gid 0, empty owner names, mtime 0. Same files in, same bytes out.
 */
export type TarFile = Readonly<{ path: string; content: string | Buffer }>;

const BLOCK = 512;
export const TAR_FILE_MODE = 0o644;
export const TAR_MTIME = 0;

const writeString = (header: Buffer, offset: number, length: number, value: string): void => {
  const bytes = Buffer.from(value, 'utf8');
  if (bytes.length > length) throw new Error(`tar header field too long: ${value}`);
  bytes.copy(header, offset);
};

/** Octal number, zero-padded to `length - 1` digits, NUL-terminated. */
const writeOctal = (header: Buffer, offset: number, length: number, value: number): void =>
  writeString(header, offset, length, value.toString(8).padStart(length - 1, '0') + '\0');

const headerFor = (path: string, size: number): Buffer => {
  if (Buffer.byteLength(path, 'utf8') > 100) throw new Error(`tar path longer than 100 bytes: ${path}`);
  const header = Buffer.alloc(BLOCK, 0);
  writeString(header, 0, 100, path);
  writeOctal(header, 100, 8, TAR_FILE_MODE);
  writeOctal(header, 108, 8, 0);
  writeOctal(header, 116, 8, 0);
  writeOctal(header, 124, 12, size);
  writeOctal(header, 136, 12, TAR_MTIME);
  header.fill(0x20, 148, 156); // checksum is computed with its own field as spaces
  writeString(header, 156, 1, '0');
  writeString(header, 257, 6, 'ustar\0');
  writeString(header, 263, 2, '00');
  let sum = 0;
  for (const byte of header) sum += byte;
  writeString(header, 148, 8, sum.toString(8).padStart(6, '0') + '\0 ');
  return header;
};

export const writeTar = (files: readonly TarFile[]): Buffer => {
  const sorted = [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const chunks: Buffer[] = [];
  sorted.forEach((file, index) => {
    if (index > 0 && sorted[index - 1].path === file.path)
      throw new Error(`duplicate tar path: ${file.path}`);
    const content = typeof file.content === 'string' ? Buffer.from(file.content, 'utf8') : file.content;
    chunks.push(headerFor(file.path, content.length), content);
    const padding = (BLOCK - (content.length % BLOCK)) % BLOCK;
    if (padding > 0) chunks.push(Buffer.alloc(padding, 0));
  });
  chunks.push(Buffer.alloc(BLOCK * 2, 0));
  return Buffer.concat(chunks);
};

/**
 * The content of the regular file at `path` in an archive writeTar made (undefined when absent): the
 * published version's files are served from the very bytes that were published, not generated again.
 */
export const readTarFile = (bytes: Buffer, path: string): Buffer | undefined => {
  let offset = 0;
  while (offset + BLOCK <= bytes.length) {
    const header = bytes.subarray(offset, offset + BLOCK);
    if (header[0] === 0) return undefined;
    const name = header.subarray(0, 100).toString('utf8').replace(/\0.*$/s, '');
    const size = parseInt(header.subarray(124, 136).toString('ascii').replace(/\0.*$/s, '').trim() || '0', 8);
    const start = offset + BLOCK;
    if (name === path) return bytes.subarray(start, start + size);
    offset = start + Math.ceil(size / BLOCK) * BLOCK;
  }
  return undefined;
};
