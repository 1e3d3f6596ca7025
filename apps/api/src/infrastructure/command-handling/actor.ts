/**
 * Per-request facts that go into every event's metadata. With an Idempotency-Key, `causationId` is
 * derived from the caller, the key and its reservation time, so every attempt of one request writes
 * under the same causation and a retry recognises the events of an attempt that crashed.
 */
export type Actor = Readonly<{
  userId: string;
  correlationId: string;
  causationId: string;
  idempotencyKey?: string;
}>;
