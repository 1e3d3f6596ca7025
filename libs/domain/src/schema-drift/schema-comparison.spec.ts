import { type Attribute, type Entity } from '../shared/provider';
import { type LiveColumn, type LiveTable, compareSchema } from './schema-comparison';

const attribute = (name: string, nativeType: string, more: Partial<Attribute> = {}): Attribute => ({
  name,
  nativeType,
  type: 'Text',
  nullable: false,
  primaryKey: false,
  autoIncrement: false,
  ...more,
});

const customer: Entity = {
  name: 'customer',
  table: 'customer',
  kind: 'table',
  primaryKey: ['customer_id'],
  attributes: [
    attribute('customer_id', 'smallint unsigned', { type: 'Integer', primaryKey: true, autoIncrement: true }),
    attribute('first_name', 'varchar(45)', { length: 45 }),
    attribute('email', 'varchar(50)', { length: 50, nullable: true }),
    attribute('balance', 'decimal(10,2)', { type: 'Decimal', precision: 10, scale: 2 }),
    attribute('rating', "enum('G','PG')", { type: 'Enum' }),
  ],
};

/** The table as the manifest describes it, which tests then alter as a DBA would. */
const liveOf = (entity: Entity): LiveTable => ({
  name: entity.table,
  kind: entity.kind,
  primaryKey: entity.primaryKey,
  columns: entity.attributes.map((column): LiveColumn => ({
    name: column.name,
    nativeType: column.nativeType,
    kind: column.type,
    nullable: column.nullable,
    autoIncrement: column.autoIncrement,
    ...(column.length !== undefined ? { length: column.length } : {}),
    ...(column.precision !== undefined ? { precision: column.precision } : {}),
    ...(column.scale !== undefined ? { scale: column.scale } : {}),
  })),
});

const alter = (table: LiveTable, name: string, change: Partial<LiveColumn>): LiveTable => ({
  ...table,
  columns: table.columns.map((column) => (column.name === name ? { ...column, ...change } : column)),
});

const kindsOf = (entities: readonly Entity[], tables: readonly LiveTable[], newTables?: string[]) =>
  compareSchema(entities, tables, newTables).map(({ kind, breaking, column }) => ({
    kind,
    breaking,
    column,
  }));

describe('compareSchema', () => {
  it('given the database as the manifest describes it, when compared, then nothing differs', () => {
    expect(compareSchema([customer], [liveOf(customer)])).toEqual([]);
  });

  it('given the table was dropped, when compared, then TABLE_DROPPED is breaking and names the entity', () => {
    expect(compareSchema([customer], [])).toEqual([
      expect.objectContaining({
        kind: 'TABLE_DROPPED',
        breaking: true,
        entity: 'customer',
        table: 'customer',
      }),
    ]);
  });

  it('given a column was dropped, when compared, then COLUMN_DROPPED is breaking', () => {
    const live = {
      ...liveOf(customer),
      columns: liveOf(customer).columns.filter(({ name }) => name !== 'email'),
    };
    expect(kindsOf([customer], [live])).toEqual([
      { kind: 'COLUMN_DROPPED', breaking: true, column: 'email' },
    ]);
  });

  it('given a varchar shortened, when compared, then TYPE_NARROWED is breaking and says both types', () => {
    const [found] = compareSchema(
      [customer],
      [alter(liveOf(customer), 'first_name', { nativeType: 'varchar(20)', length: 20 })],
    );
    expect(found).toEqual(
      expect.objectContaining({
        kind: 'TYPE_NARROWED',
        breaking: true,
        expected: 'varchar(45)',
        actual: 'varchar(20)',
      }),
    );
  });

  it('given a varchar lengthened or made TEXT, when compared, then TYPE_WIDENED is not breaking', () => {
    expect(
      kindsOf([customer], [alter(liveOf(customer), 'first_name', { nativeType: 'varchar(90)', length: 90 })]),
    ).toEqual([{ kind: 'TYPE_WIDENED', breaking: false, column: 'first_name' }]);
    expect(
      kindsOf([customer], [alter(liveOf(customer), 'first_name', { nativeType: 'text', length: undefined })]),
    ).toEqual([{ kind: 'TYPE_WIDENED', breaking: false, column: 'first_name' }]);
  });

  it('given an integer made bigger or smaller, when compared, then widened is fine and narrowed breaks', () => {
    expect(
      kindsOf([customer], [alter(liveOf(customer), 'customer_id', { nativeType: 'int unsigned' })]),
    ).toEqual([{ kind: 'TYPE_WIDENED', breaking: false, column: 'customer_id' }]);
    expect(
      kindsOf(
        [customer],
        [alter(liveOf(customer), 'customer_id', { nativeType: 'bigint', kind: 'LongInteger' })],
      ),
    ).toEqual([{ kind: 'TYPE_WIDENED', breaking: false, column: 'customer_id' }]);
    expect(
      kindsOf([customer], [alter(liveOf(customer), 'customer_id', { nativeType: 'tinyint unsigned' })]),
    ).toEqual([{ kind: 'TYPE_NARROWED', breaking: true, column: 'customer_id' }]);
  });

  it('given a decimal losing scale while gaining precision, when compared, then it is narrowed', () => {
    expect(
      kindsOf(
        [customer],
        [alter(liveOf(customer), 'balance', { nativeType: 'decimal(12,1)', precision: 12, scale: 1 })],
      ),
    ).toEqual([{ kind: 'TYPE_NARROWED', breaking: true, column: 'balance' }]);
  });

  it('given a text column became a date, when compared, then TYPE_CHANGED is breaking', () => {
    expect(
      kindsOf(
        [customer],
        [alter(liveOf(customer), 'email', { nativeType: 'date', kind: 'Date', length: undefined })],
      ),
    ).toEqual([{ kind: 'TYPE_CHANGED', breaking: true, column: 'email' }]);
  });

  it('given enum members removed or added, when compared, then removal narrows and addition widens', () => {
    expect(
      kindsOf(
        [customer],
        [alter(liveOf(customer), 'rating', { nativeType: "enum('G')", enumValues: ['G'] })],
      ),
    ).toEqual([{ kind: 'TYPE_NARROWED', breaking: true, column: 'rating' }]);
    expect(
      kindsOf([customer], [alter(liveOf(customer), 'rating', { nativeType: "enum('G','PG','R')" })]),
    ).toEqual([{ kind: 'TYPE_WIDENED', breaking: false, column: 'rating' }]);
  });

  it('given nullability changed, when compared, then tightening breaks and relaxing does not', () => {
    expect(kindsOf([customer], [alter(liveOf(customer), 'email', { nullable: false })])).toEqual([
      { kind: 'NULLABILITY_TIGHTENED', breaking: true, column: 'email' },
    ]);
    expect(kindsOf([customer], [alter(liveOf(customer), 'first_name', { nullable: true })])).toEqual([
      { kind: 'NULLABILITY_RELAXED', breaking: false, column: 'first_name' },
    ]);
  });

  it('given the primary key changed, when compared, then KEY_CHANGED is breaking', () => {
    expect(kindsOf([customer], [{ ...liveOf(customer), primaryKey: ['customer_id', 'email'] }])).toEqual([
      { kind: 'KEY_CHANGED', breaking: true, column: undefined },
    ]);
  });

  it('given columns added, when compared, then a nullable one is fine and a required one without default breaks', () => {
    const live = liveOf(customer);
    const added = (column: Partial<LiveColumn>): LiveTable => ({
      ...live,
      columns: [
        ...live.columns,
        {
          name: 'phone',
          nativeType: 'varchar(20)',
          kind: 'Text',
          nullable: false,
          autoIncrement: false,
          ...column,
        },
      ],
    });
    expect(kindsOf([customer], [added({ nullable: true })])).toEqual([
      { kind: 'COLUMN_ADDED', breaking: false, column: 'phone' },
    ]);
    expect(kindsOf([customer], [added({ defaultValue: '' })])).toEqual([
      { kind: 'COLUMN_ADDED', breaking: false, column: 'phone' },
    ]);
    expect(kindsOf([customer], [added({})])).toEqual([
      { kind: 'REQUIRED_COLUMN_ADDED', breaking: true, column: 'phone' },
    ]);
  });

  it('given a published column the database now computes, or no longer does, when compared, then nothing differs', () => {
    const marked: Entity = {
      ...customer,
      attributes: customer.attributes.map((a) => (a.name === 'email' ? { ...a, generated: true } : a)),
    };
    // Versions published before the marks were recorded carry none: comparing them would flag every
    // computed column of every such version.
    expect(compareSchema([customer], [alter(liveOf(customer), 'email', { generated: true })])).toEqual([]);
    expect(compareSchema([marked], [liveOf(customer)])).toEqual([]);
  });

  it('given a table became a view, when compared, then TABLE_KIND_CHANGED is breaking', () => {
    expect(kindsOf([customer], [{ ...liveOf(customer), kind: 'view' }])).toEqual([
      { kind: 'TABLE_KIND_CHANGED', breaking: true, column: undefined },
    ]);
  });

  it('given new tables named by the caller, when compared, then each not published is TABLE_ADDED', () => {
    expect(compareSchema([customer], [liveOf(customer)], ['customer', 'loyalty'])).toEqual([
      expect.objectContaining({ kind: 'TABLE_ADDED', breaking: false, table: 'loyalty' }),
    ]);
  });
});
