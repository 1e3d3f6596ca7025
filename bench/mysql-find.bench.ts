import { createPool, type Pool } from 'mysql2/promise';
import { performance } from 'node:perf_hooks';
import { type Connector, type TableInfo } from '@ib/connectors';
import { chinookFile, loadFixture, mysqlTarget, openMysqlBenchConnector, withDatabase } from './lib/mariadb';
import { report } from './lib/report';

const ITERATIONS = Number(process.env.BENCH_FIND_ITERATIONS ?? 2000);
const WARM_UP = 300;
const CONCURRENCY = 8;
const POOL_SIZE = 8; // both sides: one connection per worker
const ROUNDS = 3;
const PAGE = 100;
const TRACKS = 3503;

type Find = (offset: number) => Promise<number>;

/** `iterations` finds, `concurrency` in flight at all times; returns finds per second. */
async function measure(find: Find, offsets: readonly number[], iterations: number): Promise<number> {
  let next = 0;
  const worker = async () => {
    while (next < iterations) {
      const offset = offsets[next++ % offsets.length];
      const rows = await find(offset);
      if (rows !== Math.min(PAGE, TRACKS - offset)) throw new Error(`offset ${offset}: ${rows} rows`);
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return iterations / ((performance.now() - started) / 1000);
}

/**
 * The two sides alternate round by round (best of ROUNDS each), so both see the same machine state.
 * Returns the best rates, ours first.
 */
async function compare(ours: Find, raw: Find, offsets: readonly number[]) {
  await measure(ours, offsets, WARM_UP);
  await measure(raw, offsets, WARM_UP);
  const oursRates: number[] = [];
  const rawRates: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    rawRates.push(await measure(raw, offsets, ITERATIONS));
    oursRates.push(await measure(ours, offsets, ITERATIONS));
  }
  return { ours: Math.max(...oursRates), raw: Math.max(...rawRates), oursRates, rawRates };
}

const spread = (rates: readonly number[]) => rates.map((rate) => Math.round(rate)).join(' / ');

async function findScenario(
  label: string,
  describeOffsets: string,
  offsets: readonly number[],
  connector: Connector,
  track: TableInfo,
  pool: Pool,
) {
  const columns = track.columns.map((column) => `\`${column.name}\``).join(', ');
  const rawSql = `SELECT ${columns} FROM \`Track\` ORDER BY \`TrackId\` LIMIT ${PAGE} OFFSET ?`;
  const data = connector.data!;
  const ours: Find = async (offset) =>
    (await data.find(track, { sort: [{ field: 'TrackId', direction: 'asc' }], offset, limit: PAGE })).rows
      .length;
  const raw: Find = async (offset) => {
    const [rows] = await pool.execute(rawSql, [String(offset)]);
    return (rows as unknown[]).length;
  };
  const result = await compare(ours, raw, offsets);
  const ratio = result.ours / result.raw;
  const common = `${ITERATIONS} finds of ${PAGE} Track rows, ${describeOffsets}, concurrency ${CONCURRENCY}, pool ${POOL_SIZE}`;
  report(
    `mysql.find.${label}.ours`,
    result.ours,
    'finds/s',
    `connector.data.find; ${common}; best of ${ROUNDS}: ${spread(result.oursRates)}`,
  );
  report(
    `mysql.find.${label}.raw`,
    result.raw,
    'finds/s',
    `mysql2 pool.execute, OFFSET ?; best of ${ROUNDS}: ${spread(result.rawRates)}`,
  );
  report(
    `mysql.find.${label}.ratio`,
    ratio,
    'x',
    `ours / raw; target >= 0.80 ${ratio >= 0.8 ? 'met' : 'MISSED'}`,
  );
}

export async function runMysqlFindBench(): Promise<void> {
  await withDatabase('ib_bench_chinook', async (database) => {
    await loadFixture(database, chinookFile());
    const connector = openMysqlBenchConnector(database, POOL_SIZE);
    // A raw mysql2 pool as an app would open it: same server, database and size, the driver's defaults.
    const pool = createPool({ ...mysqlTarget(), database, connectionLimit: POOL_SIZE, charset: 'utf8mb4' });
    try {
      const [track] = await connector.describe(database, ['Track']);
      // Pages (offset a multiple of 100: 36 distinct statements) and arbitrary offsets (a different
      // offset nearly every time: 2,000 distinct values).
      const pages = Array.from({ length: Math.ceil(TRACKS / PAGE) }, (_, page) => page * PAGE);
      const arbitrary = Array.from({ length: ITERATIONS }, (_, index) => (index * 7919) % (TRACKS - PAGE));
      await findScenario('pages', 'offset = page x 100 over 36 pages', pages, connector, track, pool);
      await findScenario('offsets', 'offset varied over 2,000 values', arbitrary, connector, track, pool);
    } finally {
      await connector.close();
      await pool.end();
    }
  });
}

if (require.main === module) {
  runMysqlFindBench().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
