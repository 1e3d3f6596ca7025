/**
 * The event store cannot serve right now: its file is locked past the busy timeout, unwritable, full
 * or corrupt, or the store is closed. Nothing was written, so the caller may retry later; the HTTP
 * layer recognises the class by its `name` and answers 503 with a retry hint.
 */
export class EventStoreUnavailableError extends Error {
  readonly code = 'EVENT_STORE.UNAVAILABLE';

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'EventStoreUnavailableError';
  }
}
