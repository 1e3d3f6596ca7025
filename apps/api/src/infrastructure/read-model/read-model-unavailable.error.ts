/**
 * The read model's database cannot serve now (unreachable, refusing us, a lock timeout). The HTTP
 * layer recognises the class by its `name` and answers 503 with a retry hint.
 */
export class ReadModelUnavailableError extends Error {
  readonly code = 'READ_MODEL.UNAVAILABLE';

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ReadModelUnavailableError';
  }
}
