import { createConnection } from 'mysql2/promise';
import {
  createDatabase,
  dropDatabase,
  mysqlUrl,
  uniqueDatabaseName,
} from '../../../../../test/support/mariadb';
import { openProductPool, productSession } from '../mysql/mysql-pool';
import { parseMysqlUrl } from '../mysql/mysql-server-url';
import { MysqlReadModelWriter } from '../read-model/mysql/mysql-read-model-writer';
import { MysqlJobLeases } from './mysql-job-leases';

/** The job_leases and projection_checkpoints tables as the read model's migrations make them on MySQL. */
const TABLES = [
  'create table `job_leases` (`job` varchar(255) not null primary key, `holder` varchar(255) not null, ' +
    '`token` int not null, `expires_at` bigint not null, `acquired_at` bigint not null) collate utf8mb4_bin',
  'create table `projection_checkpoints` (`name` varchar(255) not null primary key, `position` bigint not null, ' +
    '`updated_at` varchar(255) not null) collate utf8mb4_bin',
];

const aCheckpoint = (position: number) => ({
  name: 'checkpoint',
  statements: [
    {
      sql:
        'insert into `projection_checkpoints` (`name`, `position`, `updated_at`) values (?, ?, ?) ' +
        'on duplicate key update `position` = values(`position`)',
      rows: [['x', position, '2026-01-01T00:00:00.000Z']],
    },
  ],
});

describe('job leases on MariaDB', () => {
  const database = uniqueDatabaseName('ib_leases');
  const url = new URL(mysqlUrl());
  url.pathname = `/${database}`;
  const server = parseMysqlUrl(url.toString(), 'MYSQL_URL');
  let pool: ReturnType<typeof openProductPool>;
  let now = Date.parse('2026-01-01T00:00:00.000Z');
  let leases: MysqlJobLeases;

  beforeAll(async () => {
    await createDatabase(database);
    const connection = await createConnection({ ...server });
    for (const table of TABLES) await connection.query(table);
    await connection.end();
    pool = openProductPool(server, { sessionSetup: productSession() });
    leases = new MysqlJobLeases(pool, () => now);
  });
  afterAll(async () => {
    await pool.end();
    await dropDatabase(database);
  });

  it('given a free job, when two instances claim it, then the first gets token 1 and the second nothing until the lease lapses', async () => {
    const first = await leases.claim('projections', 'api-a', 10_000);
    const second = await leases.claim('projections', 'api-b', 10_000);
    now += 4_000;
    const renewed = await leases.claim('projections', 'api-a', 10_000);
    now += 10_001;
    const takeover = await leases.claim('projections', 'api-b', 10_000);

    expect(first).toMatchObject({ holder: 'api-a', token: 1 });
    expect(second).toBeUndefined();
    expect(renewed).toMatchObject({ holder: 'api-a', token: 1, acquiredAt: first?.acquiredAt });
    expect(renewed!.expiresAt - first!.expiresAt).toBe(4_000);
    expect(takeover).toMatchObject({ holder: 'api-b', token: 2 });
  });

  it('given ten instances claiming a free job at once, then exactly one holds it', async () => {
    const claims = await Promise.all(
      Array.from({ length: 10 }, (_, index) => leases.claim('race', `api-${index}`, 10_000)),
    );

    expect(claims.filter((lease) => lease !== undefined)).toHaveLength(1);
  });

  it('given a lease given up, when another instance claims, then it takes the job at once', async () => {
    const taken = await leases.claim('process-managers', 'api-a', 10_000);
    await leases.release(taken!);

    expect(await leases.claim('process-managers', 'api-b', 10_000)).toMatchObject({
      holder: 'api-b',
      token: 2,
    });
  });

  it('given a job whose lease passed to another instance, when the old holder writes, then nothing of the write is committed', async () => {
    const writer = new MysqlReadModelWriter(pool);
    const old = (await leases.claim('fenced', 'api-a', 10_000))!;
    await writer.write([aCheckpoint(5), { name: 'lease', statements: [], closing: [leases.fence(old)] }]);
    now += 10_001;
    await leases.claim('fenced', 'api-b', 10_000);

    const stale = writer.write([
      aCheckpoint(9),
      { name: 'lease', statements: [], closing: [leases.fence(old)] },
    ]);

    await expect(stale).rejects.toThrow(/cannot be null/);
    const [rows] = await pool.query("select `position` from `projection_checkpoints` where `name` = 'x'");
    expect(Number((rows as { position: number }[])[0].position)).toBe(5);
  });
});
