import { type WriteStatement } from './read-model-writes';
import { type ViewReader } from './view-reader';
import { quote } from './view-table';

/** A statement run once, with no parameters (mostly schema statements). */
export const ddl = (sql: string): WriteStatement => ({ sql, rows: [[]] });

/** Where a rebuild builds a view's rows before they take the live table's place. */
export const shadowOf = (live: string): string => `${live}__rebuild`;

/** Where an audit replay builds a view's rows, and where it keeps the live rows it compares them with. */
export const replayTablesOf = (live: string): Readonly<{ replayed: string; snapshot: string }> => ({
  replayed: `${live}__replay`,
  snapshot: `${live}__replay_live`,
});

/**
 * An empty copy of the live table (`shadow`, the rebuild's by default): same columns and primary key.
 * On SQLite from its own DDL, its indexes coming at the swap, so rebuilt rows are not written through
 * them one by one; on MySQL with `create table ... like`.
 */
export async function createShadowStatements(
  reader: ViewReader,
  live: string,
  shadow: string = shadowOf(live),
): Promise<WriteStatement[]> {
  const drop = ddl(`drop table if exists ${quote(shadow)}`);
  if (reader.dialect === 'mysql') return [drop, ddl(`create table ${quote(shadow)} like ${quote(live)}`)];
  const [table] = (await reader.rows("select sql from sqlite_master where type = 'table' and name = ?", [
    live,
  ])) as { sql: string }[];
  if (table === undefined) throw new Error(`Read-model table ${live} does not exist`);
  const create = table.sql.replace(
    /^(\s*create\s+table\s+)(`[^`]+`|"[^"]+"|\[[^\]]+\]|\w+)/i,
    `$1${quote(shadow)}`,
  );
  return [drop, ddl(create)];
}

/**
 * Puts the shadow's rows in the live table's place, in the swap's transaction (with the view's
 * checkpoint), and says what to run once that is committed.
 *
 * SQLite: the live table is dropped and the shadow renamed, then the live table's indexes (and
 * triggers) are created again over the rebuilt rows, each sorted once; nothing is left afterwards.
 * MySQL: schema statements commit on their own there, so the rows are copied instead (readers see the
 * old rows until the commit), and the shadow is dropped afterwards.
 */
export async function swapInStatements(
  reader: ViewReader,
  live: string,
): Promise<Readonly<{ swap: WriteStatement[]; afterwards: WriteStatement[] }>> {
  const shadow = shadowOf(live);
  if (reader.dialect === 'mysql')
    return {
      swap: [
        ddl(`delete from ${quote(live)}`),
        ddl(`insert into ${quote(live)} select * from ${quote(shadow)}`),
      ],
      afterwards: [ddl(`drop table if exists ${quote(shadow)}`)],
    };
  const attached = (await reader.rows(
    "select sql from sqlite_master where tbl_name = ? and type in ('index', 'trigger') and sql is not null",
    [live],
  )) as { sql: string }[];
  return {
    swap: [
      ddl(`drop table ${quote(live)}`),
      ddl(`alter table ${quote(shadow)} rename to ${quote(live)}`),
      ...attached.map(({ sql }) => ddl(sql)),
    ],
    afterwards: [],
  };
}
