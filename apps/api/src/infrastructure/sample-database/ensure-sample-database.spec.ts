import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Connector, type TableInfo, createSqliteConnector } from '@ib/connectors';
import { ensureSampleDatabase, SAMPLE_DATABASE_PATH } from './ensure-sample-database';

const column = (info: TableInfo, name: string) => info.columns.find((c) => c.name === name);

describe('ensureSampleDatabase', () => {
  let dataDir: string;

  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'ib-sample-'));
  });

  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('given no databases folder yet, when ensured, then the folder and sample.sqlite exist and its relative path is returned', () => {
    const databasesDir = join(dataDir, 'databases');
    expect(ensureSampleDatabase(databasesDir)).toBe('sample.sqlite');
    expect(readdirSync(databasesDir)).toEqual([SAMPLE_DATABASE_PATH]);
    expect(statSync(join(databasesDir, SAMPLE_DATABASE_PATH)).size).toBeGreaterThan(0);
  });

  it('given the sample already created, when ensured again, then the file is left exactly as it was', () => {
    ensureSampleDatabase(dataDir);
    const file = join(dataDir, SAMPLE_DATABASE_PATH);
    const before = { bytes: readFileSync(file), modified: statSync(file).mtimeMs };

    expect(ensureSampleDatabase(dataDir)).toBe(SAMPLE_DATABASE_PATH);
    expect(readFileSync(file).equals(before.bytes)).toBe(true);
    expect(statSync(file).mtimeMs).toBe(before.modified);
    expect(readdirSync(dataDir)).toEqual([SAMPLE_DATABASE_PATH]);
  });

  it('given a file of that name the user put there, when ensured, then it is not overwritten', () => {
    writeFileSync(join(dataDir, SAMPLE_DATABASE_PATH), 'mine');
    ensureSampleDatabase(dataDir);
    expect(readFileSync(join(dataDir, SAMPLE_DATABASE_PATH), 'utf8')).toBe('mine');
  });

  it('given two installs, when each creates the sample, then both list the same tables and row counts', async () => {
    const other = mkdtempSync(join(tmpdir(), 'ib-sample-'));
    try {
      ensureSampleDatabase(dataDir);
      ensureSampleDatabase(other);
      const [a, b] = [dataDir, other].map((root) =>
        createSqliteConnector({ root, path: SAMPLE_DATABASE_PATH }),
      );
      const [tablesA, tablesB] = await Promise.all([a.listTables('main'), b.listTables('main')]);
      expect(tablesA).toEqual(tablesB);
      await Promise.all([a.close(), b.close()]);
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });

  describe('given the sample, when the SQLite connector introspects it', () => {
    let connector: Connector;
    let tables: Map<string, TableInfo>;

    beforeEach(async () => {
      connector = createSqliteConnector({ root: dataDir, path: ensureSampleDatabase(dataDir) });
      const summaries = await connector.listTables('main');
      tables = new Map(
        (
          await connector.describe(
            'main',
            summaries.map((t) => t.name),
          )
        ).map((info) => [info.name, info]),
      );
    });

    afterEach(() => connector.close());

    const get = (name: string) => tables.get(name) as TableInfo;

    it('then it lists five tables with row estimates and the order_totals view', async () => {
      const summaries = await connector.listTables('main');
      expect(summaries.map((t) => [t.name, t.kind, t.rowEstimate])).toEqual([
        ['categories', 'table', 6],
        ['customers', 'table', 10],
        ['order_items', 'table', 18],
        ['order_totals', 'view', undefined],
        ['orders', 'table', 9],
        ['products', 'table', 14],
      ]);
    });

    it('then products have a DECIMAL(10,2) price, a nullable weight, a JSON column and a literal default', () => {
      const products = get('products');
      expect(column(products, 'unit_price')).toMatchObject({
        kind: 'Decimal',
        precision: 10,
        scale: 2,
        nullable: false,
      });
      expect(column(products, 'weight_kg')).toMatchObject({
        kind: 'Decimal',
        precision: 6,
        scale: 3,
        nullable: true,
      });
      expect(column(products, 'attributes')).toMatchObject({ kind: 'Json', nullable: true });
      expect(column(products, 'is_active')).toMatchObject({
        kind: 'Boolean',
        defaultValue: '1',
        defaultIsExpression: false,
      });
      expect(column(products, 'created_at')).toMatchObject({
        defaultValue: "datetime('now')",
        defaultIsExpression: true,
      });
      expect(products.foreignKeys).toEqual([
        { columns: ['category_id'], referencedTable: 'categories', referencedColumns: ['category_id'] },
      ]);
    });

    it('then orders have dates, a time, an AUTOINCREMENT key and a CURRENT_TIMESTAMP default', () => {
      const orders = get('orders');
      expect(orders.primaryKey).toEqual(['order_id']);
      expect(column(orders, 'order_id')).toMatchObject({
        kind: 'Integer',
        autoIncrement: true,
        nullable: false,
      });
      expect(column(orders, 'order_date')).toMatchObject({ kind: 'Date', nullable: false });
      expect(column(orders, 'delivery_slot_start')).toMatchObject({ kind: 'Time', nullable: true });
      expect(column(orders, 'shipped_at')).toMatchObject({ kind: 'DateTime', nullable: true });
      expect(column(orders, 'status')).toMatchObject({ kind: 'Text', length: 12, defaultValue: 'pending' });
      expect(column(orders, 'created_at')).toMatchObject({
        kind: 'DateTime',
        defaultValue: 'CURRENT_TIMESTAMP',
        defaultIsExpression: true,
      });
      expect(orders.foreignKeys).toEqual([
        { columns: ['customer_id'], referencedTable: 'customers', referencedColumns: ['customer_id'] },
      ]);
    });

    it('then order_items have a composite key and two foreign keys', () => {
      const items = get('order_items');
      expect(items.primaryKey).toEqual(['order_id', 'line_number']);
      expect(items.columns.some((c) => c.autoIncrement)).toBe(false);
      expect(items.foreignKeys).toEqual([
        { columns: ['order_id'], referencedTable: 'orders', referencedColumns: ['order_id'] },
        { columns: ['product_id'], referencedTable: 'products', referencedColumns: ['product_id'] },
      ]);
    });

    it('then customers have unique emails, NULL-able contact columns and a literal country default', () => {
      const customers = get('customers');
      expect(customers.indexes).toContainEqual({
        name: 'sqlite_autoindex_customers_1',
        columns: ['email'],
        unique: true,
      });
      expect(column(customers, 'phone')).toMatchObject({ nullable: true });
      expect(column(customers, 'birth_date')).toMatchObject({ kind: 'Date', nullable: true });
      expect(column(customers, 'country_code')).toMatchObject({
        kind: 'Text',
        length: 2,
        defaultValue: 'US',
      });
    });

    it('then categories reference themselves and the view has no key', () => {
      expect(get('categories').foreignKeys).toEqual([
        {
          columns: ['parent_category_id'],
          referencedTable: 'categories',
          referencedColumns: ['category_id'],
        },
      ]);
      expect(get('order_totals')).toMatchObject({ kind: 'view', primaryKey: [] });
      expect(get('order_totals').columns.map((c) => c.name)).toContain('order_total');
    });
  });
});
