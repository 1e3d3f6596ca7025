/**
 * The `default` of an evolve switch: exhaustive at compile time like `assertNever`, but an event
 * type unknown at run time (written by a newer version) leaves the state as it was, because
 * evolve must never throw while a stream is being folded.
 */
export const ignoreUnknownEvent = <State>(_event: never, state: State): State => state;
