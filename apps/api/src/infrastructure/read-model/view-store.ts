import { type EntitySchema, type MikroORM } from '@mikro-orm/libsql';
import { asViewReader, type ViewReader } from './view-reader';
import { inList, type NativeDatabase, quote, ViewTable } from './view-table';

type Value = string | number | boolean;

/**
 * One condition on a view's documents, by field name. Conditions of a list are all required;
 * `anyOf` requires one of its own. `absentFrom` keeps the documents whose `field` is the id of no
 * document of another view (an anti-join on that view's key). `hasElementWhere` keeps the documents
 * whose JSON array `field` holds an object whose `property` is one of `in` (none when `in` is empty).
 */
export type ViewCondition =
  | Readonly<{ field: string; equals: Value }>
  | Readonly<{ field: string; in: readonly Value[] }>
  | Readonly<{ anyOf: readonly ViewCondition[] }>
  | Readonly<{ field: string; absentFrom: ViewTable }>
  | Readonly<{ field: string; hasElementWhere: Readonly<{ property: string; in: readonly Value[] }> }>
  | ViewAbsence;

/**
 * `isAbsent`: the document leaves the (optional) field out, stored as NULL.
 * `absentFrom` + `matching`: no document of the other view agrees with this one on every pair, each
 * read `other.<other> <is> view.<field>` (`is` defaults to `=`): an anti-join on fields rather than on
 * the other view's key.
 *
 * Why a generalised anti-join rather than an escape hatch running a query's own SQL: the one
 * correlated query that needs it (publications published but not deployed at a version as recent)
 * then stays a description like every other, its identifiers checked against both tables and its
 * reads on the same prepared statements, so a view keeps one access path. Matching on fields (the
 * deployment's integration and environment) also spares the caller rebuilding the other view's key.
 */
export type ViewAbsence =
  | Readonly<{ field: string; isAbsent: true }>
  | Readonly<{ absentFrom: ViewTable; matching: readonly ViewMatch[] }>;

export type ViewMatch = Readonly<{ other: string; is?: '=' | '>='; field: string }>;

/** `ignoreCase`: text sorts as people read it (`lower`), whatever its case. */
export type ViewOrder = Readonly<{ field: string; direction?: 'asc' | 'desc'; ignoreCase?: boolean }>;

export type ViewListQuery = Readonly<{
  where?: readonly ViewCondition[];
  orderBy?: readonly ViewOrder[];
  offset?: number;
  limit?: number;
}>;

export type ViewPage<Document> = Readonly<{ items: Document[]; total: number }>;

type Sql = Readonly<{ text: string; values: unknown[] }>;

/**
 * Reads one view's documents: by id, or a filtered, ordered page with its total. Asynchronous, as a
 * read on a database server is; on SQLite the work itself is done at once. It runs on the same
 * native driver and the same column description (ViewTable) the projection runner writes through, so
 * a view has one access path. Identifiers only ever come from the table definition (an unknown field
 * throws); values are always bound parameters. Statements are prepared once per SQL shape.
 */
export class ViewStore<Document extends object> {
  private readonly reader: ViewReader;

  /** `source`: a reader of either dialect, or a libsql connection (read as SQLite). */
  constructor(
    readonly table: ViewTable,
    source: ViewReader | NativeDatabase,
  ) {
    this.reader = asViewReader(source);
  }

  async get(id: string): Promise<Document | undefined> {
    const [row] = await this.table.rowsOf(this.reader, [id]);
    return row === undefined ? undefined : (this.table.toDocument(row) as Document);
  }

  /** How many documents meet every condition. */
  async count(where: readonly ViewCondition[] = []): Promise<number> {
    return this.total(this.from(where));
  }

  async list({ where = [], orderBy = [], offset, limit }: ViewListQuery = {}): Promise<ViewPage<Document>> {
    const { from, filter } = this.from(where);
    // Only a page needs its own count: a whole list counts itself.
    const paged = offset !== undefined || limit !== undefined;
    const counted = paged ? await this.total({ from, filter }) : undefined;
    if (counted === 0) return { items: [], total: 0 };
    const order = [...orderBy, { field: this.table.key.field }]
      .map(({ field, direction = 'asc', ignoreCase }: ViewOrder) => {
        const column = this.column(this.table, field);
        return `${ignoreCase ? `lower(${column})` : column} ${direction}`;
      })
      .join(', ');
    // SQLite reads a negative limit as none; MySQL has no such value, only a very large one.
    const page: unknown[] = [
      limit ?? (this.reader.dialect === 'mysql' ? Number.MAX_SAFE_INTEGER : -1),
      offset ?? 0,
    ];
    const rows = await this.reader.rows(`select * ${from} order by ${order} limit ? offset ?`, [
      ...filter.values,
      ...page,
    ]);
    const items = rows.map((row) => this.table.toDocument(row) as Document);
    return { items, total: counted ?? items.length };
  }

  private from(where: readonly ViewCondition[]): Readonly<{ from: string; filter: Sql }> {
    const filter = this.conditions(where, 'and', this.table);
    const whereClause = filter.text === '' ? '' : ` where ${filter.text}`;
    return { from: `from ${quote(this.table.table)} as ${quote('view')}${whereClause}`, filter };
  }

  private async total({ from, filter }: Readonly<{ from: string; filter: Sql }>): Promise<number> {
    const [{ total }] = await this.reader.rows(`select count(*) as total ${from}`, filter.values);
    return Number(total);
  }

  /**
   * The distinct values `field` takes among the documents meeting `where`, ascending; a document that
   * leaves the field out gives no value.
   */
  async distinct(field: string, where: readonly ViewCondition[] = []): Promise<Value[]> {
    const column = this.column(this.table, field);
    const filter = this.conditions(where, 'and', this.table);
    const conditions = [`${column} is not null`, ...(filter.text === '' ? [] : [filter.text])];
    const rows = (await this.reader.rows(
      `select distinct ${column} as ${quote('value')} from ${quote(this.table.table)} as ${quote('view')} ` +
        `where ${conditions.join(' and ')} order by ${column}`,
      filter.values,
    )) as { value: Value }[];
    const codec = this.table.columns.find((candidate) => candidate.field === field)?.codec;
    return rows.map(({ value }) => (codec === 'boolean' ? value === 1 || value === true : value));
  }

  private absence(condition: ViewAbsence, table: ViewTable): Sql {
    if ('isAbsent' in condition)
      return { text: `${this.column(table, condition.field)} is null`, values: [] };
    const other = condition.absentFrom;
    if (condition.matching.length === 0) throw new Error(`An anti-join on ${other.table} needs a match`);
    const matches = condition.matching.map(
      ({ other: field, is = '=', field: own }) =>
        `${this.column(other, field, 'other')} ${is} ${this.column(table, own)}`,
    );
    return {
      text:
        `not exists (select 1 from ${quote(other.table)} as ${quote('other')} ` +
        `where ${matches.join(' and ')})`,
      values: [],
    };
  }

  private conditions(conditions: readonly ViewCondition[], joiner: 'and' | 'or', table: ViewTable): Sql {
    const parts = conditions.map((condition) => this.condition(condition, table));
    if (parts.length === 0) return { text: joiner === 'and' ? '' : '0', values: [] };
    return {
      text: parts.map(({ text }) => `(${text})`).join(` ${joiner} `),
      values: parts.flatMap(({ values }) => values),
    };
  }

  private condition(condition: ViewCondition, table: ViewTable): Sql {
    if ('anyOf' in condition) return this.conditions(condition.anyOf, 'or', table);
    if ('isAbsent' in condition || 'matching' in condition) return this.absence(condition, table);
    if ('hasElementWhere' in condition) return this.hasElementWhere(table, condition);
    const column = this.column(table, condition.field);
    if ('equals' in condition)
      return { text: `${column} = ?`, values: [this.bound(table, condition.field, condition.equals)] };
    if ('in' in condition)
      return inList(
        this.reader.dialect,
        column,
        condition.in.map((value) => this.bound(table, condition.field, value)),
      );
    const other = condition.absentFrom;
    return {
      text:
        `not exists (select 1 from ${quote(other.table)} as ${quote('other')} ` +
        `where ${quote('other')}.${quote(other.key.column)} = ${column})`,
      values: [],
    };
  }

  /** The property's JSON path is bound too; a name that is no plain identifier is refused rather than quoted. */
  private hasElementWhere(
    table: ViewTable,
    {
      field,
      hasElementWhere: { property, in: values },
    }: Extract<ViewCondition, { hasElementWhere: unknown }>,
  ): Sql {
    const found = table.columns.find((column) => column.field === field);
    if (found === undefined || found.codec !== 'json')
      throw new Error(`View ${table.table} has no JSON field ${field} to look into`);
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(property))
      throw new Error(`Not a property name to look for in ${table.table}.${field}: ${property}`);
    const column = `${quote('view')}.${quote(found.column)}`;
    if (this.reader.dialect === 'mysql')
      // The property of every element, as a JSON array, shares a value with the wanted ones.
      return values.length === 0
        ? { text: '0 = 1', values: [] }
        : {
            text: `json_overlaps(json_extract(${column}, ?), ?)`,
            values: [`$[*].${property}`, JSON.stringify(values)],
          };
    return {
      text:
        `exists (select 1 from json_each(${column}) as ${quote('element')} ` +
        `where json_extract(${quote('element')}.${quote('value')}, ?) in ` +
        `(select ${quote('wanted')}.${quote('value')} from json_each(?) as ${quote('wanted')}))`,
      values: [`$.${property}`, JSON.stringify(values)],
    };
  }

  private column(table: ViewTable, field: string, alias = 'view'): string {
    const found = table.columns.find((column) => column.field === field);
    if (found === undefined || found.codec === 'json')
      throw new Error(`View ${table.table} has no scalar field ${field} to filter or sort on`);
    return `${quote(alias)}.${quote(found.column)}`;
  }

  private bound(table: ViewTable, field: string, value: Value): Value {
    const codec = table.columns.find((column) => column.field === field)?.codec;
    return codec === 'boolean' ? (value ? 1 : 0) : value;
  }
}

/**
 * The view stores of one read-model database, all on one connection: the read-only reader when the
 * file has one, else (in memory) the connection the projection runner writes on.
 */
export class ViewStores {
  private readonly reader: ViewReader;

  constructor(
    private readonly orm: MikroORM,
    source: ViewReader | NativeDatabase,
  ) {
    this.reader = asViewReader(source);
  }

  of<Document extends object>(entity: EntitySchema): ViewStore<Document> {
    return new ViewStore<Document>(ViewTable.of(this.orm, entity), this.reader);
  }
}
