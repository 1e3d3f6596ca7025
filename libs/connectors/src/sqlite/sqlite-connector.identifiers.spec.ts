/**
 * A database whose names need real quoting (spaces, quotes, brackets, Unicode, mixed case) and whose
 * shapes are the awkward ones: composite keys in another order than the columns, no primary key,
 * WITHOUT ROWID, INTEGER PRIMARY KEY DESC, implicit FK columns, expression indexes, FTS5 shadow tables.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { type Connector, type TableInfo } from '../spi';
import { createSqliteConnector } from './sqlite-connector';

const SCHEMA = `
CREATE TABLE "Order Details" (
  "Order ID" INTEGER NOT NULL,
  "Line ""No""" INTEGER NOT NULL,
  "Unit Price (€)" DECIMAL(8,2) NOT NULL DEFAULT 0,
  "[Note]" TEXT DEFAULT 'n/a',
  PRIMARY KEY ("Line ""No""", "Order ID")
);
CREATE TABLE "Kunden Übersicht 客户" (
  "ID" INTEGER PRIMARY KEY AUTOINCREMENT,
  "Name" NVARCHAR(80) NOT NULL,
  "it's" TEXT,
  "CamelCase" BOOLEAN DEFAULT TRUE,
  "created at" DATETIME DEFAULT (datetime('now'))
);
CREATE TABLE "[Shipments]" (
  "Shipment Id" INTEGER PRIMARY KEY DESC,
  "Order ID" INTEGER,
  "Line ""No""" INTEGER,
  customer REFERENCES "Kunden Übersicht 客户",
  FOREIGN KEY ("Line ""No""", "Order ID") REFERENCES "order details" ("Line ""No""", "Order ID")
);
CREATE TABLE "audit log" (message TEXT, logged_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP);
CREATE TABLE "Tags" ("Tag" TEXT PRIMARY KEY, "Weight" REAL) WITHOUT ROWID;
CREATE TABLE "Counter" (id INTEGER PRIMARY KEY, n INT) WITHOUT ROWID;
CREATE UNIQUE INDEX "ux ""quoted"" name" ON "Kunden Übersicht 客户" ("Name", "it's");
CREATE INDEX "ix lower" ON "audit log" (lower(message));
CREATE VIEW "Big Orders" AS
  SELECT "Order ID", sum("Unit Price (€)") AS "Total €" FROM "Order Details" GROUP BY "Order ID";
CREATE VIRTUAL TABLE "notes fts" USING fts5(body);
INSERT INTO "Kunden Übersicht 客户" ("Name", "it's") VALUES ('Åsa', 'x'), ('Zoë', NULL);
INSERT INTO "Order Details" VALUES (1, 1, 9.5, NULL), (1, 2, 3, 'gift');
ANALYZE;
`;

const byName = (tables: readonly TableInfo[]) => new Map(tables.map((info) => [info.name, info]));

describe('SQLite connector on hard identifiers', () => {
  let root: string;
  let connector: Connector;

  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'ib-sqlite-identifiers-'));
    const db = new DatabaseSync(join(root, 'hard names.sqlite'));
    db.exec(SCHEMA);
    db.close();
    connector = createSqliteConnector({ root, path: 'hard names.sqlite' });
  });

  afterAll(async () => {
    await connector.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('given odd names, a view and an FTS5 table, when tables are listed, then every name is exact and shadow tables are hidden', async () => {
    const tables = await connector.listTables('main');
    expect(tables.map((t) => [t.name, t.kind])).toEqual([
      ['Big Orders', 'view'],
      ['Counter', 'table'],
      ['Kunden Übersicht 客户', 'table'],
      ['Order Details', 'table'],
      ['Tags', 'table'],
      ['[Shipments]', 'table'],
      ['audit log', 'table'],
      ['notes fts', 'table'],
    ]);
    expect(tables.find((t) => t.name === 'Kunden Übersicht 客户')?.rowEstimate).toBe(2);
  });

  it('given every table and the view, when described at once, then each is found by its exact name', async () => {
    const names = (await connector.listTables('main')).map((t) => t.name);
    const tables = await connector.describe('main', names);
    expect(tables.map((t) => t.name)).toEqual(names);
  });

  describe('given the tables, when described', () => {
    let tables: Map<string, TableInfo>;
    beforeAll(async () => {
      tables = byName(
        await connector.describe('main', [
          'Order Details',
          'Kunden Übersicht 客户',
          '[Shipments]',
          'audit log',
          'Tags',
          'Counter',
          'Big Orders',
          'notes fts',
        ]),
      );
    });
    const get = (name: string) => tables.get(name) as TableInfo;

    it('then a composite key follows key order, not column order, and quoted names survive', () => {
      const details = get('Order Details');
      expect(details.primaryKey).toEqual(['Line "No"', 'Order ID']);
      expect(details.columns.map((c) => c.name)).toEqual([
        'Order ID',
        'Line "No"',
        'Unit Price (€)',
        '[Note]',
      ]);
      expect(details.columns[2]).toMatchObject({
        kind: 'Decimal',
        precision: 8,
        scale: 2,
        defaultValue: '0',
      });
      expect(details.columns[3]).toMatchObject({
        defaultValue: 'n/a',
        defaultIsExpression: false,
        nullable: true,
      });
      expect(details.columns.some((c) => c.autoIncrement)).toBe(false);
    });

    it('then an AUTOINCREMENT key auto-increments and defaults tell literals from expressions', () => {
      const customers = get('Kunden Übersicht 客户');
      expect(customers.primaryKey).toEqual(['ID']);
      expect(customers.columns[0]).toMatchObject({ name: 'ID', autoIncrement: true, nullable: false });
      expect(customers.columns.find((c) => c.name === 'CamelCase')).toMatchObject({
        kind: 'Boolean',
        defaultValue: 'TRUE',
        defaultIsExpression: false,
      });
      expect(customers.columns.find((c) => c.name === 'created at')).toMatchObject({
        kind: 'DateTime',
        defaultValue: "datetime('now')",
        defaultIsExpression: true,
      });
      expect(customers.indexes).toEqual([
        { name: 'ux "quoted" name', columns: ['Name', "it's"], unique: true },
      ]);
    });

    it('then INTEGER PRIMARY KEY DESC is no rowid alias, and foreign keys resolve case and implicit columns', () => {
      const shipments = get('[Shipments]');
      expect(shipments.columns[0]).toMatchObject({
        name: 'Shipment Id',
        autoIncrement: false,
        nullable: false,
      });
      expect(shipments.columns.find((c) => c.name === 'customer')).toMatchObject({
        nativeType: '',
        kind: 'BinaryData',
      });
      expect(shipments.foreignKeys).toEqual([
        { columns: ['customer'], referencedTable: 'Kunden Übersicht 客户', referencedColumns: ['ID'] },
        {
          columns: ['Line "No"', 'Order ID'],
          referencedTable: 'Order Details',
          referencedColumns: ['Line "No"', 'Order ID'],
        },
      ]);
    });

    it('then a table without primary key has an empty key, nullable columns, and no expression index', () => {
      const log = get('audit log');
      expect(log.primaryKey).toEqual([]);
      expect(log.columns.every((c) => c.nullable && !c.autoIncrement)).toBe(true);
      expect(log.columns[1]).toMatchObject({ defaultValue: 'CURRENT_TIMESTAMP', defaultIsExpression: true });
      expect(log.indexes).toEqual([]);
    });

    it('then WITHOUT ROWID keys never auto-increment, even INTEGER PRIMARY KEY', () => {
      expect(get('Tags').columns[0]).toMatchObject({
        name: 'Tag',
        kind: 'Text',
        nullable: false,
        autoIncrement: false,
      });
      expect(get('Counter').columns[0]).toMatchObject({
        kind: 'Integer',
        nullable: false,
        autoIncrement: false,
      });
    });

    it('then the view lists its columns, aliases included, without key', () => {
      expect(get('Big Orders')).toMatchObject({ kind: 'view', primaryKey: [], foreignKeys: [], indexes: [] });
      expect(get('Big Orders').columns.map((c) => c.name)).toEqual(['Order ID', 'Total €']);
      expect(get('Big Orders').rowEstimate).toBeUndefined();
    });

    it('then the FTS5 table shows its data column, not its hidden ones', () => {
      expect(get('notes fts').columns.map((c) => c.name)).toEqual(['body']);
    });
  });

  it('given a name that only differs by quoting, when described, then it is not found', async () => {
    await expect(connector.describe('main', ['"Order Details"'])).rejects.toMatchObject({
      code: 'CONNECTOR.TABLE_NOT_FOUND',
    });
    await expect(connector.describe('main', ["Order Details' OR '1'='1"])).rejects.toMatchObject({
      code: 'CONNECTOR.TABLE_NOT_FOUND',
    });
  });
});
