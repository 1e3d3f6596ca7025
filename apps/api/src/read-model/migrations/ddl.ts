import { BaseMySqlPlatform } from '@mikro-orm/mysql';

/**
 * The read model's DDL in each dialect it runs on, so one sequence of migrations serves SQLite and
 * MariaDB/MySQL. The SQLite rendering is byte for byte the SQL the migrations committed first (those
 * statements are recorded as executed in existing files; sqlite-statements.fixture.json holds them).
 *
 * The column kinds are named after the property builders of the entity schemas (`p.string()`,
 * `p.text()`, ...) and render what MikroORM maps each of them to, so the ORM finds nothing to change in
 * either dialect (read-model-orm.spec.ts and read-model-orm.int-spec.ts check it).
 */
export type Dialect = 'sqlite' | 'mysql';

/** MySQL and MariaDB share one rendering; anything else is the embedded SQLite file. */
export const dialectOf = (platform: object): Dialect =>
  platform instanceof BaseMySqlPlatform ? 'mysql' : 'sqlite';

type Kind = 'string' | 'text' | 'integer' | 'bigint' | 'boolean' | 'json';

const TYPES: Readonly<Record<Kind, Readonly<Record<Dialect, string>>>> = {
  // Bounded in MySQL: keys and indexed columns must be, and p.string() maps to varchar(255).
  string: { sqlite: 'text', mysql: 'varchar(255)' },
  // Free text (descriptions, reasons, notes) of a few thousand characters.
  text: { sqlite: 'text', mysql: 'text' },
  integer: { sqlite: 'integer', mysql: 'int' },
  // Log positions and epoch milliseconds, past the 32 bits of MySQL's int.
  bigint: { sqlite: 'integer', mysql: 'bigint' },
  boolean: { sqlite: 'integer', mysql: 'tinyint(1)' },
  json: { sqlite: 'json', mysql: 'json' },
};

type ColumnOptions = Readonly<{ nullable: boolean; primary: boolean; default?: boolean }>;

/** One column of a table; immutable, each modifier returns a new one. */
export class Column {
  constructor(
    readonly kind: Kind,
    readonly options: ColumnOptions = { nullable: false, primary: false },
  ) {}

  nullable(): Column {
    return new Column(this.kind, { ...this.options, nullable: true });
  }

  primary(): Column {
    return new Column(this.kind, { ...this.options, primary: true });
  }

  default(value: boolean): Column {
    return new Column(this.kind, { ...this.options, default: value });
  }
}

/** The column kinds, as `p` names the entity schemas' property builders. */
export const column = {
  string: () => new Column('string'),
  text: () => new Column('text'),
  integer: () => new Column('integer'),
  bigint: () => new Column('bigint'),
  boolean: () => new Column('boolean'),
  json: () => new Column('json'),
} as const;

/** Columns by their SQL name, in table order. */
export type Columns = Readonly<Record<string, Column>>;

const quoted = (name: string): string => `\`${name}\``;
const list = (names: readonly string[]): string => names.map(quoted).join(', ');

/** The statements of one dialect; identifiers are backquoted, which SQLite and MySQL both read. */
export class Ddl {
  constructor(readonly dialect: Dialect) {}

  createTable(table: string, columns: Columns): string {
    const primaryKey = Object.keys(columns).filter((name) => columns[name]!.options.primary);
    // SQLite's statements declared a single-column key inline; MySQL takes it as a table constraint.
    const inlineKey = this.dialect === 'sqlite' && primaryKey.length === 1;
    const definitions = Object.entries(columns).map(([name, definition]) =>
      this.columnDefinition(name, definition, inlineKey),
    );
    if (!inlineKey && primaryKey.length > 0) definitions.push(`primary key (${list(primaryKey)})`);
    const sql = `create table ${quoted(table)} (${definitions.join(', ')})`;
    // Binary collation: keys and ISO times compare and sort by code point, as they do in SQLite.
    return this.dialect === 'mysql'
      ? `${sql} default character set utf8mb4 collate utf8mb4_bin engine = InnoDB`
      : sql;
  }

  /** Named `<table>_<columns>_index`, as MikroORM names an index it would create. */
  createIndex(table: string, columns: readonly string[]): string {
    return `create index ${quoted(`${table}_${columns.join('_')}_index`)} on ${quoted(table)} (${list(columns)})`;
  }

  dropTable(table: string): string {
    return `drop table if exists ${quoted(table)}`;
  }

  addColumn(table: string, name: string, definition: Column): string {
    return `alter table ${quoted(table)} add column ${this.columnDefinition(name, definition, false)}`;
  }

  dropColumn(table: string, name: string): string {
    return `alter table ${quoted(table)} drop column ${quoted(name)}`;
  }

  private columnDefinition(name: string, { kind, options }: Column, inlineKey: boolean): string {
    const nullability = options.nullable ? 'null' : 'not null';
    const fallback = options.default === undefined ? '' : ` default ${String(options.default)}`;
    const key = inlineKey && options.primary ? ' primary key' : '';
    return `${quoted(name)} ${TYPES[kind][this.dialect]} ${nullability}${fallback}${key}`;
  }
}
