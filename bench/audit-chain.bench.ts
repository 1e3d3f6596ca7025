import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { verifyChain } from '../apps/api/src/infrastructure/audit-chain/chain-verification';
import { type ChainedStore } from '../apps/api/src/infrastructure/audit-chain/testing/chain-tampering';
import { MysqlEventStore } from '../apps/api/src/infrastructure/event-store/mysql/mysql-event-store';
import { SqliteEventStore } from '../apps/api/src/infrastructure/event-store/sqlite-event-store';
import { benchEvent } from './lib/bench-event';
import { mysqlTarget, withDatabase } from './lib/mariadb';
import { report } from './lib/report';

/** The size: a log of a million events, verified from its first event. */
const SQLITE_EVENTS = Number(process.env.BENCH_AUDIT_EVENTS ?? 1_000_000);
const MYSQL_EVENTS = Number(process.env.BENCH_AUDIT_MYSQL_EVENTS ?? 200_000);
const APPEND_BATCH = 1_000;
const STREAMS = 1_000;
const VERIFY_TARGET = 300_000;

/** Fills the log through the store's own appends (so every event is chained as in production). */
async function fill(store: ChainedStore, events: number): Promise<void> {
  const versions = new Array<number>(STREAMS).fill(-1);
  for (let appended = 0, batch = 0; appended < events; appended += APPEND_BATCH, batch++) {
    const stream = batch % STREAMS;
    const count = Math.min(APPEND_BATCH, events - appended);
    const result = await store.append(
      `integration-bench-${stream}`,
      Array.from({ length: count }, (_, index) => benchEvent(appended + index)),
      { expectedVersion: versions[stream] },
    );
    versions[stream] = result.nextExpectedVersion;
  }
}

/** Verifies the whole chain once (best of rounds) and prints events/s and the heap it needed. */
async function measureVerification(name: string, store: ChainedStore, events: number): Promise<void> {
  const rates: number[] = [];
  let heapGrowthMb = 0;
  for (let round = 0; round < 3; round++) {
    global.gc?.();
    const heapBefore = process.memoryUsage().heapUsed;
    const started = performance.now();
    const verification = await verifyChain(store);
    const seconds = (performance.now() - started) / 1000;
    if (!verification.ok || verification.checked !== events)
      throw new Error(`Verification of ${events} events failed: ${JSON.stringify(verification)}`);
    rates.push(events / seconds);
    heapGrowthMb = Math.max(heapGrowthMb, (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20);
  }
  rates.sort((a, b) => b - a);
  const verdict = rates[0] >= VERIFY_TARGET ? 'met' : 'MISSED';
  report(
    name,
    rates[0],
    'events/s',
    `${events} events from the first, best of ${rates.map(Math.round).join(' / ')}, ` +
      `heap +${heapGrowthMb.toFixed(0)} MB at most, target >= ${VERIFY_TARGET} ${verdict}`,
  );
}

export async function runAuditChainBench(): Promise<void> {
  const folder = mkdtempSync(join(tmpdir(), 'ib-audit-chain-bench-'));
  const sqlite = new SqliteEventStore({ file: join(folder, 'events.sqlite') });
  try {
    await fill(sqlite, SQLITE_EVENTS);
    await measureVerification('audit-chain.verify.sqlite', sqlite, SQLITE_EVENTS);
  } finally {
    await sqlite.close();
    rmSync(folder, { recursive: true, force: true });
  }
  await withDatabase('ib_audit_chain_bench', async (database) => {
    const mysql = new MysqlEventStore({ server: { ...mysqlTarget(), database } });
    try {
      await fill(mysql, MYSQL_EVENTS);
      await measureVerification('audit-chain.verify.mariadb', mysql, MYSQL_EVENTS);
    } finally {
      await mysql.close();
    }
  });
}

if (require.main === module) {
  runAuditChainBench().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
