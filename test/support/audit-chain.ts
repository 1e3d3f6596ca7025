import { bearer, type TestApp } from './test-app';

export const AUDIT_KEY = 'an audit key that lives outside the data folder';

/** Polls until `probe` answers something (20 s at most). */
export async function until<T>(what: string, probe: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Waits until the audit-chain sealer has verified the log up to its head. */
export const chainSealed = (t: TestApp, owner: string) =>
  until('the audit chain sealer to catch up', async () => {
    const { body } = await t.http().get('/api/projections').set(bearer(owner)).expect(200);
    const sealer = (body.processes as { name: string; lag: number }[]).find((p) => p.name === 'audit-chain');
    return sealer && sealer.lag === 0 ? sealer : undefined;
  });

/** Polls /ready until it reports a broken audit chain, and answers its body. */
export const readyReportsBrokenChain = (t: TestApp) =>
  until('/ready to report the broken chain', async () => {
    const { body } = await t.http().get('/ready').expect(200);
    return body.auditChain ? (body as { auditChain: object; degraded: string[] }) : undefined;
  });
