import { loadConfig } from './config/app-config';
import { auditKeyOf } from './infrastructure/audit-chain/audit-chain-monitor';
import { isChainedLog } from './infrastructure/audit-chain/chain-row';
import { verifyChain } from './infrastructure/audit-chain/chain-verification';
import { describeEventStore, openEventStore } from './infrastructure/event-store/open-event-store';

/**
 * `npm run audit:verify`: the verification of GET /api/audit/verify without the API, on the log the
 * environment names (DATA_DIR or EVENT_STORE_URL, with AUDIT_KEY), e.g. on a copy of the data folder
 * or while the installation is stopped. Prints one JSON line; exits 0 when the chain holds, 1 when it
 * does not, 2 when the log cannot be read.
 */
async function main(): Promise<number> {
  const config = loadConfig();
  const key = auditKeyOf(config.auditKey);
  const store = await openEventStore(config.eventStore, config.dataDir);
  try {
    if (!isChainedLog(store)) throw new Error('This event store keeps no hash chain');
    const started = performance.now();
    const verification = await verifyChain(store, { key });
    const answer = {
      ok: verification.ok,
      checked: verification.checked,
      head: verification.head,
      firstMismatch: verification.firstMismatch,
      keyConfigured: key !== undefined,
      checkpoints: verification.checkpoints,
      tookMs: Math.round(performance.now() - started),
      log: describeEventStore(config.eventStore, config.dataDir),
    };
    process.stdout.write(`${JSON.stringify(answer)}\n`);
    if (!key)
      process.stderr.write(
        'AUDIT_KEY is not set: signed checkpoints were not checked, so a rewrite of the whole log would pass\n',
      );
    return verification.ok ? 0 : 1;
  } finally {
    await store.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(2);
  },
);
