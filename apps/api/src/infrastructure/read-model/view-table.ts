import { type EntityMetadata, type EntitySchema, type MikroORM } from '@mikro-orm/libsql';
import { type WriteStatement } from './read-model-writes';
import { upsertSql } from './upsert-sql';
import { type ReadModelDialect, type ViewReader } from './view-reader';

type Dictionary = Record<string, unknown>;
export type { NativeDatabase } from './view-reader';

/** How a view field is stored: as is, as SQLite's 0/1 integer, or as JSON text. */
type Codec = 'scalar' | 'boolean' | 'json';

type Column = Readonly<{ field: string; column: string; codec: Codec }>;

export const quote = (identifier: string): string => `\`${identifier.replaceAll('`', '``')}\``;

/**
 * One view's table as the projection runner sees it: documents in, documents out. The columns come
 * from the entity schema (property = view field), so the ORM metadata stays the single description
 * of the table.
 *
 * Reads go through a ViewReader (on SQLite the driver's own connection, statements prepared once: the
 * ORM's raw execute inlines every parameter into the SQL text and prepares it anew, which for documents
 * of several kilobytes costs more than the reads). Writes are SQL and parameters (upsertSql, removal,
 * toParameters) handed to the read model's writer.
 */
export class ViewTable {
  /** The column list of every read: built once, since reads by id are on the data API's path. */
  private readonly selected: string;

  private constructor(
    readonly table: string,
    readonly key: Column,
    readonly columns: readonly Column[],
  ) {
    this.selected = columns.map(({ column }) => quote(column)).join(', ');
  }

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

  /** The stored rows of `ids`, read through a view reader (any dialect). */
  async rowsOf(
    reader: ViewReader,
    ids: readonly string[],
    table: string = this.table,
  ): Promise<Dictionary[]> {
    if (ids.length === 0) return [];
    const { text, values } = inList(reader.dialect, quote(this.key.column), ids);
    return reader.rows(`select ${this.selected} from ${quote(table)} where ${text}`, values);
  }

  /** Up to `limit` stored rows of `table` after the key `after` (from the first when undefined), in key order. */
  async pageOf(
    reader: ViewReader,
    table: string,
    after: string | undefined,
    limit: number,
  ): Promise<Dictionary[]> {
    const key = quote(this.key.column);
    const from = `select ${this.selected} from ${quote(table)}`;
    return after === undefined
      ? reader.rows(`${from} order by ${key} limit ?`, [limit])
      : reader.rows(`${from} where ${key} > ? order by ${key} limit ?`, [after, limit]);
  }

  /** A stored row (raw column values) as its view document; NULL columns are absent fields. */
  toDocument(row: Dictionary): Dictionary {
    const document: Dictionary = {};
    for (const { field, column, codec } of this.columns) {
      const value = row[column];
      if (value === null || value === undefined) continue;
      document[field] =
        codec === 'json'
          ? // MySQL's JSON type comes parsed already; SQLite's and MariaDB's JSON text does not.
            typeof value === 'string'
            ? JSON.parse(value)
            : value
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
  upsertSql(table: string = this.table, dialect: ReadModelDialect = 'sqlite'): string {
    return upsertSql(
      dialect,
      table,
      this.columns.map(({ column }) => column),
      [this.key.column],
    );
  }

  /** Deletes the documents of `ids`: one statement, its list bound as the dialect takes one (see inList). */
  removal(
    ids: readonly string[],
    table: string = this.table,
    dialect: ReadModelDialect = 'sqlite',
  ): WriteStatement {
    const { text, values } = inList(dialect, quote(this.key.column), ids);
    return { sql: `delete from ${quote(table)} where ${text}`, rows: [values] };
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

/**
 * `column in (values)` with bound values whatever their number: on SQLite one JSON array parameter (so
 * the statement's text is the same for any count), on MySQL an array the driver spreads. An empty
 * list matches nothing.
 */
export function inList(
  dialect: ReadModelDialect,
  column: string,
  values: readonly unknown[],
): Readonly<{ text: string; values: unknown[] }> {
  if (dialect === 'sqlite')
    return { text: `${column} in (select value from json_each(?))`, values: [JSON.stringify(values)] };
  return values.length === 0
    ? { text: '0 = 1', values: [] }
    : { text: `${column} in (?)`, values: [[...values]] };
}
