import { type EntityMetadata, type EntitySchema, type MikroORM } from '@mikro-orm/libsql';

type Dictionary = Record<string, unknown>;

/** How a view field is stored: as is, as SQLite's 0/1 integer, or as JSON text. */
type Codec = 'scalar' | 'boolean' | 'json';

type Column = Readonly<{ field: string; column: string; codec: Codec }>;

export type TableStatements = Readonly<{
  /** Rows by id; one parameter, a JSON array of ids. */
  load: string;
  /** Inserts or replaces `rows` rows given as toParameters() gives them. */
  upsert: (rows: number) => string;
  /** Deletes by id; one parameter, a JSON array of ids. */
  remove: string;
}>;

const quote = (identifier: string): string => `\`${identifier.replaceAll('`', '``')}\``;

/**
 * One view's table as the projection runner sees it: documents in, documents out. The columns come
 * from the entity schema (property = view field), so the ORM metadata stays the single description
 * of the table. Statements are set-based: a batch costs one load (ids as a JSON array), a multi-row
 * upsert per few hundred documents and one delete, whatever the number of events.
 */
export class ViewTable {
  private readonly statements = new Map<string, TableStatements>();

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

  /** SQL for this view's columns on `table` (the live table, or a rebuild's shadow copy). */
  sql(table: string = this.table): TableStatements {
    let statements = this.statements.get(table);
    if (statements === undefined) {
      const name = quote(table);
      const key = quote(this.key.column);
      const columns = this.columns.map(({ column }) => quote(column));
      const updates = columns
        .filter((column) => column !== key)
        .map((column) => `${column} = excluded.${column}`);
      const row = `(${columns.map(() => '?').join(', ')})`;
      const upsert = new Map<number, string>();
      statements = {
        load: `select ${columns.join(', ')} from ${name} where ${key} in (select value from json_each(?))`,
        upsert: (rows) => {
          let sql = upsert.get(rows);
          if (sql === undefined) {
            sql =
              `insert into ${name} (${columns.join(', ')}) values ${Array.from({ length: rows }, () => row).join(', ')} ` +
              `on conflict (${key}) do update set ${updates.join(', ')}`;
            upsert.set(rows, sql);
          }
          return sql;
        },
        remove: `delete from ${name} where ${key} in (select value from json_each(?))`,
      };
      this.statements.set(table, statements);
    }
    return statements;
  }

  /** Documents as upsert parameters, row after row, in column order. */
  toParameters(documents: readonly Dictionary[]): unknown[] {
    const parameters: unknown[] = [];
    for (const document of documents) {
      for (const { field, codec } of this.columns) {
        const value = document[field];
        if (value === undefined || value === null) parameters.push(null);
        else if (codec === 'json') parameters.push(JSON.stringify(value));
        else if (codec === 'boolean') parameters.push(value ? 1 : 0);
        else parameters.push(value);
      }
    }
    return parameters;
  }

  /** Rows per upsert statement: SQLite binds at most 32766 parameters per statement. */
  get upsertChunk(): number {
    return Math.max(1, Math.min(500, Math.floor(32_766 / this.columns.length)));
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
}
