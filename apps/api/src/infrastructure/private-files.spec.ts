import { chmodSync, mkdirSync, mkdtempSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { ensurePrivateDir, ensurePrivateFile, tightenDataFolder } from './private-files';

const modeOf = (path: string) => statSync(path).mode & 0o777;

const posix = process.platform === 'win32' ? describe.skip : describe;

posix('private files of the data folder', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'private-files-'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  describe('ensurePrivateFile', () => {
    it('given no folder yet, when a file is prepared, then the file is 0600 and every folder created 0700', () => {
      const file = join(root, 'data', 'nested', 'events.sqlite');

      ensurePrivateFile(file);

      expect(modeOf(file)).toBe(0o600);
      expect(modeOf(join(root, 'data'))).toBe(0o700);
      expect(modeOf(join(root, 'data', 'nested'))).toBe(0o700);
    });

    it('given a prepared file, when SQLite opens it in WAL mode and writes, then its -wal and -shm are 0600 too', () => {
      const file = join(root, 'store.sqlite');
      ensurePrivateFile(file);

      const db = new DatabaseSync(file);
      try {
        db.exec('PRAGMA journal_mode = WAL; CREATE TABLE t (x); INSERT INTO t VALUES (1);');

        for (const path of [file, `${file}-wal`, `${file}-shm`]) expect(modeOf(path)).toBe(0o600);
      } finally {
        db.close();
      }
    });

    it('keeps the content of an existing file', () => {
      const file = join(root, 'secrets.key');
      writeFileSync(file, 'key\n', { mode: 0o600 });

      ensurePrivateFile(file);

      expect(statSync(file).size).toBe(4);
    });
  });

  it('ensurePrivateDir creates a folder 0700', () => {
    ensurePrivateDir(join(root, 'packages'));

    expect(modeOf(join(root, 'packages'))).toBe(0o700);
  });

  describe('tightenDataFolder', () => {
    const layout = (dataDir: string) => ({
      isProductFile: (name: string) => name === 'secrets.key' || /\.sqlite(-wal|-shm)?$/.test(name),
      productFolders: ['packages'],
      sharedFolder: { dir: join(dataDir, 'databases'), productFiles: ['sample.sqlite'] },
    });

    it('given a data folder left readable by others, when tightened, then what the product created is owner-only and named', () => {
      const dataDir = join(root, 'data');
      mkdirSync(join(dataDir, 'packages'), { recursive: true, mode: 0o755 });
      mkdirSync(join(dataDir, 'databases'), { mode: 0o755 });
      chmodSync(dataDir, 0o755);
      for (const name of ['events.sqlite', 'events.sqlite-wal', 'secrets.key', 'packages/sha256-1.tar'])
        writeFileSync(join(dataDir, name), 'x', { mode: 0o644 });
      writeFileSync(join(dataDir, 'databases', 'sample.sqlite'), 'x', { mode: 0o664 });

      const { tightened, failed } = tightenDataFolder(dataDir, layout(dataDir));

      expect(failed).toEqual([]);
      expect([...tightened].sort()).toEqual(
        [
          '.',
          'databases',
          'databases/sample.sqlite',
          'events.sqlite',
          'events.sqlite-wal',
          'packages',
          'packages/sha256-1.tar',
          'secrets.key',
        ].sort(),
      );
      for (const dir of [dataDir, join(dataDir, 'packages'), join(dataDir, 'databases')])
        expect(modeOf(dir)).toBe(0o700);
      for (const file of ['events.sqlite', 'events.sqlite-wal', 'secrets.key', 'packages/sha256-1.tar'])
        expect(modeOf(join(dataDir, file))).toBe(0o600);
    });

    it("leaves the users' own files alone: other files of the data folder and databases of the databases folder", () => {
      const dataDir = join(root, 'data');
      mkdirSync(join(dataDir, 'databases'), { recursive: true, mode: 0o700 });
      chmodSync(dataDir, 0o700);
      writeFileSync(join(dataDir, 'notes.txt'), 'x', { mode: 0o644 });
      writeFileSync(join(dataDir, 'databases', 'orders.sqlite'), 'x', { mode: 0o644 });

      const { tightened } = tightenDataFolder(dataDir, layout(dataDir));

      expect(tightened).toEqual([]);
      expect(modeOf(join(dataDir, 'notes.txt'))).toBe(0o644);
      expect(modeOf(join(dataDir, 'databases', 'orders.sqlite'))).toBe(0o644);
    });

    it('never follows a symbolic link out of the data folder', () => {
      const dataDir = join(root, 'data');
      mkdirSync(dataDir, { mode: 0o700 });
      const outside = join(root, 'outside.sqlite');
      writeFileSync(outside, 'x', { mode: 0o644 });
      symlinkSync(outside, join(dataDir, 'events.sqlite'));

      expect(tightenDataFolder(dataDir, layout(dataDir)).tightened).toEqual([]);
      expect(modeOf(outside)).toBe(0o644);
    });

    it('changes nothing and names nothing when everything is already owner-only', () => {
      const dataDir = join(root, 'data');
      ensurePrivateFile(join(dataDir, 'events.sqlite'));

      expect(tightenDataFolder(dataDir, layout(dataDir))).toEqual({ tightened: [], failed: [] });
    });
  });
});
