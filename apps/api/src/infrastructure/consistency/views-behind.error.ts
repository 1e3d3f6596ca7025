/**
 * The views could not catch up with a position a read must see in time: answering from them would
 * show an older state (a withdrawn role, a revoked key), so the caller is asked to retry shortly.
 */
export class ViewsBehindError extends Error {
  readonly code = 'READ_MODEL.BEHIND';

  constructor(readonly position: number) {
    super(`The views have not caught up with position ${position} of the log yet; retry shortly`);
    this.name = 'ViewsBehindError';
  }
}
