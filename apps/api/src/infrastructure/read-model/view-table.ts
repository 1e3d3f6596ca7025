import { type EntityMetadata, type EntitySchema, type MikroORM } from '@mikro-orm/libsql';
import type Database from 'libsql';

type Dictionary = Record<string, unknown>;
export type NativeDatabase = Database.Database;

/** How a view field is stored: as is, as SQLite's 0/1 integer, or as JSON text. */
type Codec = 'scalar' | 'boolean' | 'json';

type Column = Readonly<{ field: string; column: string; codec: Codec }>;

export const quote = (identifier: string): string => `\`${identifier.replaceAll('`', '``')}\``;

/**
 * One view's table as the projection runner sees it: documents in, documents out. The columns come
 * from the entity schema (property = view field), so the ORM metadata stays the single description
 * of the table.
 *
 * Reads run on the driver's own connection, on statements prepared once per connection and table: the
 * ORM's raw execute inlines every parameter into the SQL text and prepares it anew, which for documents
 * of several kilobytes costs more than the reads. Writes are SQL and parameters (upsertSql, removeSql,
 * toParameters) handed to the read model's writer.
 */
export class ViewTable {
  private readonly loads = new WeakMap<NativeDatabase, Map<string, ReturnType<NativeDatabase['prepare']>>>();

  private constructor(
    readonly table: string,
    readonly key: Column,
    readonly columns: readonly Column[],
  ) {}

  static of(orm: MikroORM, entity: EntitySchema): ViewTable {
    const meta: EntityMetadata = orm.getMetadata().get(entity);
    const [primaryKey] = meta.primaryKeys;
    const columns = meta.props.map((prop): Column => ({
      field: prop.name,
      column: prop.fieldNames[0],
      codec: prop.runtimeType === 'boolean' ? 'boolean' : prop.columnTypes[0] === 'json' ? 'json' : 'scalar',
    }));
    const key = columns.find(({ field }) => field === primaryKey);
    if (meta.primaryKeys.length !== 1 || key === undefined)
      throw new Error(`View table ${meta.tableName} needs a single-column primary key: the document id`);
    return new ViewTable(meta.tableName, key, columns);
  }

  /** The stored rows of `ids` in `table`: the live table, or a rebuild's shadow copy of it. */
  load(db: NativeDatabase, ids: readonly string[], table: string = this.table): Dictionary[] {
    let byTable = this.loads.get(db);
    if (byTable === undefined) this.loads.set(db, (byTable = new Map()));
    let statement = byTable.get(table);
    if (statement === undefined) {
      const columns = this.columns.map(({ column }) => quote(column)).join(', ');
      const key = quote(this.key.column);
      statement = db.prepare(
        `select ${columns} from ${quote(table)} where ${key} in (select value from json_each(?))`,
      );
      byTable.set(table, statement);
    }
    return statement.all([JSON.stringify(ids)]) as Dictionary[];
  }

  /** Forgets the statements of a table about to be dropped. */
  forget(db: NativeDatabase, table: string): void {
    this.loads.get(db)?.delete(table);
  }

  /** A stored row (raw column values) as its view document; NULL columns are absent fields. */
  toDocument(row: Dictionary): Dictionary {
    const document: Dictionary = {};
    for (const { field, column, codec } of this.columns) {
      const value = row[column];
      if (value === null || value === undefined) continue;
      document[field] =
        codec === 'json'
          ? JSON.parse(value as string)
          : codec === 'boolean'
            ? value === 1 || value === true
            : value;
    }
    return document;
  }

  /** An entity loaded by the ORM (values already decoded) as its view document. */
  entityToDocument(entity: object): Dictionary {
    const document: Dictionary = {};
    for (const { field } of this.columns) {
      const value = (entity as Dictionary)[field];
      if (value !== null && value !== undefined) document[field] = value;
    }
    return document;
  }

  idOf(document: Dictionary): string {
    return document[this.key.field] as string;
  }

  /** Inserts a document, or replaces the one of the same id: the parameters are toParameters(document). */
  upsertSql(table: string = this.table): string {
    const key = quote(this.key.column);
    const columns = this.columns.map(({ column }) => quote(column));
    const updates = columns
      .filter((column) => column !== key)
      .map((column) => `${column} = excluded.${column}`);
    return (
      `insert into ${quote(table)} (${columns.join(', ')}) values (${columns.map(() => '?').join(', ')}) ` +
      `on conflict (${key}) do update set ${updates.join(', ')}`
    );
  }

  /** Deletes the documents whose ids are in the one parameter, a JSON array. */
  removeSql(table: string = this.table): string {
    return `delete from ${quote(table)} where ${quote(this.key.column)} in (select value from json_each(?))`;
  }

  /** The document's column values, in the table's column order, as bound parameters. */
  toParameters(document: Dictionary): unknown[] {
    return this.columns.map(({ field, codec }) => {
      const value = document[field];
      if (value === undefined || value === null) return null;
      if (codec === 'json') return JSON.stringify(value);
      if (codec === 'boolean') return value ? 1 : 0;
      return value;
    });
  }
}
