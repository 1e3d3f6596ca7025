import { Kysely, MysqlDialect } from 'kysely';
import { createPool } from 'mysql2';
import { performance } from 'node:perf_hooks';
import { type Connector, type TableInfo } from '@ib/connectors';
import {
  adminConnection,
  loadFixture,
  median,
  mysqlTarget,
  openMysqlBenchConnector,
  sakilaSchemaFile,
  withDatabase,
} from './lib/mariadb';
import { report } from './lib/report';

const SAKILA_RUNS = Number(process.env.BENCH_SAKILA_RUNS ?? 20);
const WIDE_TABLES = Number(process.env.BENCH_WIDE_TABLES ?? 2000);
const WIDE_RUNS = 3;
const DDL_BATCH = 50;
const POOL_SIZE = 5; // the connector's default

const time = async <T>(work: () => Promise<T>): Promise<{ ms: number; result: T }> => {
  const started = performance.now();
  const result = await work();
  return { ms: performance.now() - started, result };
};

/** What the wizard does when a user picks a database: list it, then describe every table and view. */
async function introspectAll(connector: Connector, database: string): Promise<TableInfo[]> {
  const tables = await connector.listTables(database);
  return connector.describe(
    database,
    tables.map((table) => table.name),
  );
}

// ---- the generated schema -------------------------------------------------------------------------

const tableName = (index: number) => `t${String(index).padStart(4, '0')}`;

/**
 * 20 columns of mixed types (every AttributeKind but Time's rarer cousins), an auto-increment PK, two
 * foreign keys (to the previous table and to one halfway back), two unique indexes (one composite),
 * a plain index, and a JSON column (MariaDB adds a CHECK (json_valid(...)) constraint for it).
 */
function createTableSql(index: number): string {
  const name = tableName(index);
  const previous = tableName(Math.max(0, index - 1));
  const half = tableName(Math.floor(index / 2));
  return `CREATE TABLE \`${name}\` (
  \`id\` INT UNSIGNED NOT NULL AUTO_INCREMENT,
  \`code\` VARCHAR(32) NOT NULL,
  \`name\` VARCHAR(100) NOT NULL DEFAULT '',
  \`parent_id\` INT UNSIGNED NULL,
  \`owner_id\` INT UNSIGNED NULL,
  \`qty\` INT NOT NULL DEFAULT 0,
  \`big\` BIGINT NULL,
  \`price\` DECIMAL(10,2) NOT NULL DEFAULT 0.00,
  \`ratio\` DOUBLE NULL,
  \`active\` TINYINT(1) NOT NULL DEFAULT 1,
  \`status\` ENUM('new','open','closed') NOT NULL DEFAULT 'new',
  \`born\` DATE NULL,
  \`created_at\` DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
  \`updated_at\` TIMESTAMP NULL DEFAULT NULL ON UPDATE CURRENT_TIMESTAMP,
  \`at\` TIME NULL,
  \`notes\` TEXT NULL,
  \`doc\` JSON NULL,
  \`payload\` VARBINARY(64) NULL,
  \`country\` CHAR(2) NULL,
  \`tags\` SET('a','b','c') NULL,
  PRIMARY KEY (\`id\`),
  UNIQUE KEY \`uq_${name}_code\` (\`code\`),
  UNIQUE KEY \`uq_${name}_name_country\` (\`name\`, \`country\`),
  KEY \`ix_${name}_created\` (\`created_at\`),
  CONSTRAINT \`fk_${name}_parent\` FOREIGN KEY (\`parent_id\`) REFERENCES \`${previous}\` (\`id\`),
  CONSTRAINT \`fk_${name}_owner\` FOREIGN KEY (\`owner_id\`) REFERENCES \`${half}\` (\`id\`)
) ENGINE=InnoDB`;
}

/** All the DDL over one connection, DDL_BATCH statements per round trip. */
export async function createWideSchema(database: string, count: number): Promise<number> {
  const connection = await adminConnection(database);
  const started = performance.now();
  try {
    await connection.query('SET SESSION foreign_key_checks = 0');
    for (let start = 0; start < count; start += DDL_BATCH) {
      const statements: string[] = [];
      for (let index = start; index < Math.min(count, start + DDL_BATCH); index++) {
        statements.push(createTableSql(index));
      }
      await connection.query(statements.join(';\n'));
    }
  } finally {
    await connection.end();
  }
  return (performance.now() - started) / 1000;
}

/** Kysely's own MySQL introspection, on a mysql2 pool of the same size whose default database is `database`. */
function openKysely(database: string): Kysely<unknown> {
  const pool = createPool({ ...mysqlTarget(), database, connectionLimit: POOL_SIZE, charset: 'utf8mb4' });
  return new Kysely<unknown>({ dialect: new MysqlDialect({ pool }) });
}

const summary = (tables: readonly TableInfo[]) => {
  const count = (pick: (table: TableInfo) => number) => tables.reduce((sum, table) => sum + pick(table), 0);
  return (
    `${tables.length} tables, ${count((t) => t.columns.length)} columns, ` +
    `${count((t) => (t.primaryKey.length > 0 ? 1 : 0))} PKs, ${count((t) => t.foreignKeys.length)} FKs, ` +
    `${count((t) => t.indexes.length)} indexes`
  );
};

const runs = (values: readonly number[]) => values.map((ms) => ms.toFixed(0)).join(' / ');

async function sakilaBench(): Promise<void> {
  await withDatabase('ib_bench_sakila', async (database) => {
    await loadFixture(database, sakilaSchemaFile());
    const connector = openMysqlBenchConnector(undefined, POOL_SIZE);
    try {
      await introspectAll(connector, database); // warm-up: pool connections, server caches
      const times: number[] = [];
      let tables: TableInfo[] = [];
      for (let run = 0; run < SAKILA_RUNS; run++) {
        const { ms, result } = await time(() => introspectAll(connector, database));
        times.push(ms);
        tables = result;
      }
      report(
        'mysql.introspect.sakila',
        median(times),
        'ms',
        `median of ${SAKILA_RUNS}, best ${Math.min(...times).toFixed(1)} ms; listTables + describe: ${summary(tables)}`,
      );
    } finally {
      await connector.close();
    }
  });
}

async function wideSchemaBench(): Promise<void> {
  await withDatabase('ib_bench_wide', async (database) => {
    const createSeconds = await createWideSchema(database, WIDE_TABLES);
    const connector = openMysqlBenchConnector(undefined, POOL_SIZE);
    const kysely = openKysely(database);
    try {
      const names = (await connector.listTables(database)).map((table) => table.name);
      if (names.length !== WIDE_TABLES)
        throw new Error(`Expected ${WIDE_TABLES} tables, found ${names.length}`);

      // Alternate the two so that both see the same server state (caches, other load on the machine).
      const ours: number[] = [];
      const theirs: number[] = [];
      let described: TableInfo[] = [];
      let kyselyTables = 0;
      let kyselyColumns = 0;
      await connector.describe(database, names.slice(0, 10)); // warm-up: pool connections, version
      await kysely.introspection.getTables();
      for (let run = 0; run < WIDE_RUNS; run++) {
        const mine = await time(() => connector.describe(database, names));
        ours.push(mine.ms);
        described = mine.result;
        const library = await time(() => kysely.introspection.getTables());
        theirs.push(library.ms);
        kyselyTables = library.result.length;
        kyselyColumns = library.result.reduce((sum, table) => sum + table.columns.length, 0);
      }
      const oursBest = Math.min(...ours);
      const theirsBest = Math.min(...theirs);
      report(
        'mysql.describe.2000x20.ours',
        oursBest,
        'ms',
        `best of ${WIDE_RUNS}: ${runs(ours)} ms, median ${median(ours).toFixed(0)} ms; ${summary(described)}; ` +
          `schema created in ${createSeconds.toFixed(1)} s`,
      );
      report(
        'mysql.describe.2000x20.kysely',
        theirsBest,
        'ms',
        `best of ${WIDE_RUNS}: ${runs(theirs)} ms, median ${median(theirs).toFixed(0)} ms; ` +
          `MysqlIntrospector.getTables(): ${kyselyTables} tables, ${kyselyColumns} columns, ` +
          `no PK/FK/index/length/precision/enum metadata (ours does more work)`,
      );
      report(
        'mysql.describe.2000x20.speedup',
        theirsBest / oursBest,
        'x',
        `kysely best / ours best, median ${(median(theirs) / median(ours)).toFixed(2)}x; ` +
          `targets: ours < 1000 ms ${oursBest < 1000 ? 'met' : 'MISSED'}, ` +
          `>= 2x ${theirsBest / oursBest >= 2 ? 'met' : 'MISSED'}`,
      );
    } finally {
      await connector.close();
      await kysely.destroy();
    }
  });
}

export async function runMysqlIntrospectionBench(): Promise<void> {
  await sakilaBench();
  await wideSchemaBench();
}

if (require.main === module) {
  runMysqlIntrospectionBench().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
