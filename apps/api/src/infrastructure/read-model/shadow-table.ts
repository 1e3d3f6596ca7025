import { type WriteStatement } from './read-model-writes';
import { type NativeDatabase, quote } from './view-table';

/** A schema statement: run once, with no parameters. */
export const ddl = (sql: string): WriteStatement => ({ sql, rows: [[]] });

/** Where a rebuild builds a view's rows before they take the live table's place. */
export const shadowOf = (live: string): string => `${live}__rebuild`;

/**
 * An empty copy of the live table: same columns and primary key, from its own DDL. Its indexes come
 * at the swap, so rebuilt rows are not written through them one by one.
 */
export function createShadowStatements(db: NativeDatabase, live: string): WriteStatement[] {
  const table = db.prepare("select sql from sqlite_master where type = 'table' and name = ?").get([live]) as
    { sql: string } | undefined;
  if (table === undefined) throw new Error(`Read-model table ${live} does not exist`);
  const shadow = shadowOf(live);
  const create = table.sql.replace(
    /^(\s*create\s+table\s+)(`[^`]+`|"[^"]+"|\[[^\]]+\]|\w+)/i,
    `$1${quote(shadow)}`,
  );
  return [ddl(`drop table if exists ${quote(shadow)}`), ddl(create)];
}

/**
 * Puts the shadow in the live table's place, in the swap's transaction: the live table is dropped and
 * the shadow renamed, then the live table's indexes (and triggers) are created again over the rebuilt
 * rows, each sorted once, rather than every row being copied through them.
 */
export function swapInStatements(db: NativeDatabase, live: string): WriteStatement[] {
  const attached = db
    .prepare(
      "select sql from sqlite_master where tbl_name = ? and type in ('index', 'trigger') and sql is not null",
    )
    .all([live]) as { sql: string }[];
  return [
    ddl(`drop table ${quote(live)}`),
    ddl(`alter table ${quote(shadowOf(live))} rename to ${quote(live)}`),
    ...attached.map(({ sql }) => ddl(sql)),
  ];
}
