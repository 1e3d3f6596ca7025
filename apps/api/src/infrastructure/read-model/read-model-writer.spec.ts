import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'libsql';
import { ThreadReadModelWriter } from './read-model-writer';
import { type WriteStatement } from './read-model-writes';

const insert = (...rows: [string, number][]): WriteStatement => ({
  sql: 'insert into `items` (`id`, `size`) values (?, ?)',
  rows,
});
const ddl = (sql: string): WriteStatement => ({ sql, rows: [[]] });

/** The writer's own thread and connection, on a real file read back through another connection. */
describe('ThreadReadModelWriter', () => {
  let folder: string;
  let file: string;
  let writer: ThreadReadModelWriter;
  let reader: Database.Database;

  const ids = () =>
    (reader.prepare('select `id` from `items` order by `id`').all() as { id: string }[]).map(({ id }) => id);

  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'ib-writer-'));
    file = join(folder, 'read-model.db');
    reader = new Database(file);
    reader.exec('pragma journal_mode = wal');
    reader.exec('create table `items` (`id` text primary key, `size` integer not null)');
    writer = new ThreadReadModelWriter(file);
  });
  afterEach(async () => {
    await writer.close();
    reader.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('given groups of which one fails, when written, then that group alone is rolled back and named', async () => {
    // When one group breaks the primary key and another does not
    const outcome = await writer.write([
      { name: 'first', statements: [insert(['a', 1])] },
      { name: 'clashing', statements: [insert(['b', 2], ['b', 3])] },
      { name: 'last', statements: [insert(['c', 4])] },
    ]);

    // Then the others are committed and the failing one reported
    expect(outcome.failed).toEqual([{ name: 'clashing', message: expect.stringMatching(/UNIQUE/) }]);
    expect(ids()).toEqual(['a', 'c']);
  });

  it('given a closing statement that fails, when written, then the whole write is rolled back and rejected', async () => {
    // When a group succeeds but what must follow it (a checkpoint) cannot be written
    const write = writer.write([
      { name: 'rows', statements: [insert(['a', 1])], closing: [insert(['a', 2])] },
    ]);

    // Then nothing of the write is kept
    await expect(write).rejects.toThrow(/UNIQUE/);
    expect(ids()).toEqual([]);
  });

  it('given writes sent one after the other without waiting, then they are applied in that order', async () => {
    // When a table is emptied, renamed away and created again between writes sent at once
    const writes = [
      writer.write([{ name: 'one', statements: [insert(['a', 1])] }]),
      writer.write([
        {
          name: 'swap',
          statements: [
            ddl('alter table `items` rename to `old_items`'),
            ddl('create table `items` (`id` text primary key, `size` integer not null)'),
          ],
        },
      ]),
      writer.write([{ name: 'two', statements: [insert(['b', 2])] }]),
    ];
    await Promise.all(writes);

    // Then each write found the table as the one before it left it
    expect(ids()).toEqual(['b']);
    expect(reader.prepare('select count(*) as n from `old_items`').get()).toMatchObject({ n: 1 });
  });

  it('given a closed writer, when written to, then the write is refused', async () => {
    await writer.close();

    await expect(writer.write([{ name: 'late', statements: [insert(['a', 1])] }])).rejects.toThrow(
      'The read-model writer is closed',
    );
  });
});
