import { type RecordedEvent } from '@ib/domain';
import { type ActorNames } from '../../identity';
import { EventStoreUnavailableError } from '../../infrastructure/event-store/event-store-unavailable.error';
import { type AuditQuery } from '../../infrastructure/event-store/audit-query/audit-query.port';
import { type AuditCriteriaBuilder } from '../search-audit-log/audit-criteria-builder';
import { AuditExport } from './audit-export';

const event = (position: number): RecordedEvent => ({
  eventId: `e-${position}`,
  type: 'SomethingHappened',
  schemaVersion: 1,
  streamId: 's-1',
  streamVersion: position,
  globalPosition: position,
  recordedAt: '2025-01-01T00:00:00.000Z',
  data: {},
  metadata: { actorId: 'system', correlationId: 'c', causationId: 'c' },
});

/** A log of `pages` pages that records how many were read and whether reading was stopped. */
function logOfPages(pages: number, failAt?: number) {
  const read = { pages: 0, stopped: false };
  const query: AuditQuery = {
    search: () => Promise.reject(new Error('not used')),
    pages: async function* () {
      try {
        for (let page = 0; page < pages; page++) {
          if (page === failAt) throw new EventStoreUnavailableError('The log is away');
          read.pages++;
          yield [event(page)];
        }
      } finally {
        read.stopped = true;
      }
    },
  };
  const criteria = { criteriaFor: async () => ({}) } as unknown as AuditCriteriaBuilder;
  const names = { of: async () => new Map() } as unknown as ActorNames;
  return { exports: new AuditExport(query, criteria, names), read };
}

const user = { id: 'u', username: 'u', roles: [], owner: true, environment: 'development' };

describe('AuditExport', () => {
  it('given a long log, when an export opens, then its first page is read and no other until the download asks', async () => {
    const { exports, read } = logOfPages(100);

    const chunks = (await exports.open(user, { order: 'desc' }, 'ndjson'))[Symbol.asyncIterator]();

    expect(read.pages).toBe(1);
    await chunks.next();
    await chunks.next();
    expect(read.pages).toBe(2);
  });

  it('given a log that cannot be read, when an export opens, then it fails before anything is sent', async () => {
    const { exports } = logOfPages(3, 0);

    await expect(exports.open(user, { order: 'desc' }, 'csv')).rejects.toThrow(EventStoreUnavailableError);
  });

  it('given a download the client leaves, when its stream is closed early, then reading the log stops', async () => {
    const { exports, read } = logOfPages(100);
    const chunks = (await exports.open(user, { order: 'desc' }, 'ndjson'))[Symbol.asyncIterator]();
    await chunks.next();

    await chunks.return?.();

    expect(read.stopped).toBe(true);
    expect(read.pages).toBe(1);
  });
});
