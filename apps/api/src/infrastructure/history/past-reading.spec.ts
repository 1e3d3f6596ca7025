import { type RecordedEvent } from '@ib/domain';
import { type Projection } from '../read-model/projection';
import { type PastReading, readableHistory, readablePast } from './past-reading';

type NoteView = Readonly<{ id: string; text: string; owner: string; hidden: boolean }>;

const notes: Projection<NoteView> = {
  name: 'notes',
  handles: ['NoteWritten', 'NoteHidden'],
  idOf: (event) => (event.data as { id: string }).id,
  evolve: (view, event) =>
    event.type === 'NoteWritten'
      ? { ...(event.data as { id: string; text: string; owner: string }), hidden: false }
      : view && { ...view, hidden: true },
};

const recorded = (streamVersion: number, type: string, data: object, minute: number): RecordedEvent => ({
  eventId: `e-${streamVersion}`,
  type,
  schemaVersion: 1,
  streamId: 'note-n',
  streamVersion,
  globalPosition: streamVersion + 1,
  recordedAt: new Date(Date.UTC(2025, 0, 1, 0, minute)).toISOString(),
  data,
  metadata: { actorId: 'alice', correlationId: 'c', causationId: 'c' },
});

class Missing extends Error {}

const reading = (reader: string, events: readonly RecordedEvent[]): PastReading<NoteView> => ({
  object: { projection: notes, id: 'n', stream: 'note-n' },
  events,
  readable: (now) => now.owner === reader,
  notFound: (detail = 'does not exist') => new Missing(detail),
});

const written = recorded(0, 'NoteWritten', { id: 'n', text: 'hello', owner: 'alice' }, 10);
const hidden = recorded(1, 'NoteHidden', { id: 'n' }, 20);

describe('reading the past of an object the caller may or may not read', () => {
  it('given a reader of the object, when its history is asked, then every step is answered', () => {
    expect(readableHistory(reading('alice', [written, hidden])).map(({ type }) => type)).toEqual([
      'NoteWritten',
      'NoteHidden',
    ]);
  });

  it('given a caller who may not read it, when its history or a past state is asked, then it does not exist for them', () => {
    expect(() => readableHistory(reading('mallory', [written]))).toThrow(new Missing('does not exist'));
    expect(() => readablePast(reading('mallory', [written]), { version: 0 })).toThrow(
      new Missing('does not exist'),
    );
  });

  it('given an object never created, when its history is asked, then it does not exist', () => {
    expect(() => readableHistory(reading('alice', []))).toThrow(new Missing('does not exist'));
  });

  it('given a moment before it existed, when asked, then the reader is told it did not exist then', () => {
    const asOf = new Date(Date.UTC(2025, 0, 1, 0, 5));

    expect(() => readablePast(reading('alice', [written]), { asOf })).toThrow(
      new Missing('did not exist at 2025-01-01T00:05:00.000Z'),
    );
  });

  it('given a state its GET would not show, when asked, then it was not there then', () => {
    const shown = (note: NoteView) => !note.hidden;

    expect(readablePast(reading('alice', [written, hidden]), { version: 0 }, shown).document.text).toBe(
      'hello',
    );
    expect(() => readablePast(reading('alice', [written, hidden]), { version: 1 }, shown)).toThrow(
      new Missing('did not exist at version 1'),
    );
  });
});
