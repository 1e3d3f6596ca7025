import { type RecordedEvent } from '@ib/domain';
import {
  type HistoryStep,
  historyOf,
  type Moment,
  momentText,
  type ObjectView,
  pastState,
} from './past-states';

/** One object's past as a caller asks for it: its events, and the rules of the context it lives in. */
export type PastReading<Document extends object> = Readonly<{
  object: ObjectView<Document>;
  /** The object's streams, in log order (see readTimeline). */
  events: readonly RecordedEvent[];
  /** Whether the caller may read the past of the object, as it is now (see the policy's mayReadPast). */
  readable: (now: Document) => boolean;
  /** The context's 404 for the object; `detail` says why when the caller may know it. */
  notFound: (detail?: string) => Error;
}>;

/** Its history, unless it never existed or the caller may not read it (then `notFound`). */
export function readableHistory<Document extends object>(reading: PastReading<Document>): HistoryStep[] {
  const { now, steps } = historyOf(reading.object, reading.events);
  if (now === undefined || !reading.readable(now.document)) throw reading.notFound();
  return steps;
}

/**
 * The object at `moment`, unless it never existed or the caller may not read its past (`notFound`),
 * or it did not exist then, or its GET would not show it as it was then (`shown`: a deleted
 * connection is found by no one; `notFound` saying so).
 */
export function readablePast<Document extends object>(
  reading: PastReading<Document>,
  moment: Moment,
  shown: (then: Document) => boolean = () => true,
): Readonly<{ document: Document; version: number }> {
  const { now, then } = pastState(reading.object, reading.events, moment);
  if (now === undefined || !reading.readable(now.document)) throw reading.notFound();
  if (then === undefined || !shown(then.document))
    throw reading.notFound(`did not exist ${momentText(moment)}`);
  return then;
}
