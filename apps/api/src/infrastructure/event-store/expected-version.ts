import { type ExpectedVersion, NO_STREAM_VERSION } from './event-store.port';

/** The optimistic check every adapter runs against the stream's current version. */
export function matchesExpectedVersion(expected: ExpectedVersion, current: number): boolean {
  switch (expected) {
    case 'any':
      return true;
    case 'no_stream':
      return current === NO_STREAM_VERSION;
    case 'stream_exists':
      return current !== NO_STREAM_VERSION;
    default:
      return expected === current;
  }
}
