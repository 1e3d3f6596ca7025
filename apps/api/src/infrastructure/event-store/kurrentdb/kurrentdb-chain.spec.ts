import { randomUUID } from 'node:crypto';
import { verifyChain } from '../../audit-chain/chain-verification';
import { type NewEvent } from '../event-store.port';
import { CHAIN_LINKS_STREAM } from './kurrentdb-chain';
import { KurrentDbEventStore } from './kurrentdb-event-store';
import { InMemoryKurrentClient } from './testing/in-memory-kurrent-client';

const anEvent = (n: number): NewEvent => ({
  eventId: randomUUID(),
  type: 'EntityAdded',
  data: { entity: `table_${n}`, name: 'für 😀' },
  metadata: { actorId: 'a', correlationId: 'c', causationId: 'c', environment: 'development' },
});

describe('the audit chain on KurrentDB (linked after the fact by the sealer)', () => {
  let client: InMemoryKurrentClient;
  let store: KurrentDbEventStore;

  const appendSome = async (count: number, stream = 'integration-1') => {
    const { version } = await store.readStream(stream);
    await store.append(
      stream,
      Array.from({ length: count }, (_, n) => anEvent(n)),
      { expectedVersion: version },
    );
  };

  beforeEach(() => {
    client = new InMemoryKurrentClient();
    store = new KurrentDbEventStore({ client, pollIntervalMs: 20 });
  });
  afterEach(() => store.close());

  it('given events linked up to the head, then the chain holds over every event and names no chain stream', async () => {
    await appendSome(3);
    await appendSome(2, 'connection-1');
    await store.extendChain(await store.headPosition());

    const verification = await verifyChain(store);
    expect(verification).toMatchObject({ ok: true, checked: 5, head: await store.headPosition() });
    expect(
      (await store.readAll({ fromPosition: 0, limit: 100 })).map((event) => event.streamId),
    ).not.toContain(CHAIN_LINKS_STREAM);
  });

  it('given events appended after the last link, then they are not verified until the sealer links them', async () => {
    await appendSome(3);
    await store.extendChain(await store.headPosition());
    await appendSome(2);
    expect(await verifyChain(store)).toMatchObject({ ok: true, checked: 3 });
    await store.extendChain(await store.headPosition());
    expect(await verifyChain(store)).toMatchObject({ ok: true, checked: 5 });
  });

  it('given a linked event changed behind the API, then verification names it as edited', async () => {
    await appendSome(4);
    await store.extendChain(await store.headPosition());
    const changed = client.log.filter((event) => event.streamId === 'integration-1')[2];
    changed.data = { entity: 'table_x', name: 'für 😀' };
    expect((await verifyChain(store)).firstMismatch).toMatchObject({
      position: Number(changed.position.commit),
      kind: 'edited',
    });
  });

  it('given a linked stream removed from the log, then verification names the first missing position', async () => {
    await appendSome(2);
    await appendSome(1, 'connection-1');
    await appendSome(2);
    await store.extendChain(await store.headPosition());
    const removed = client.log.findIndex((event) => event.streamId === 'connection-1');
    const [gone] = client.log.splice(removed, 1);
    expect((await verifyChain(store)).firstMismatch).toMatchObject({
      position: Number(gone.position.commit),
      kind: 'deleted',
    });
  });

  it('given two instances linking at once, then one link each event keeps and the chain holds', async () => {
    const other = new KurrentDbEventStore({ client, pollIntervalMs: 20 });
    try {
      await appendSome(5);
      const head = await store.headPosition();
      await Promise.all([store.extendChain(head), other.extendChain(head)]);
      await appendSome(3);
      await other.extendChain(await store.headPosition());
      await store.extendChain(await store.headPosition());
      expect(await verifyChain(store)).toMatchObject({ ok: true, checked: 8 });
      expect(await verifyChain(other)).toMatchObject({ ok: true, checked: 8 });
    } finally {
      await other.close();
    }
  });

  it('given a checkpoint saved, then it is read back', async () => {
    await appendSome(1);
    await store.extendChain(await store.headPosition());
    const [row] = await store.readChain(0, 10);
    const checkpoint = {
      position: row.position,
      hash: row.hash!,
      signedAt: '2026-01-01T00:00:00.000Z',
      signature: null,
    };
    await store.saveChainCheckpoint(checkpoint);
    expect(await store.chainCheckpoints()).toEqual([checkpoint]);
  });
});
