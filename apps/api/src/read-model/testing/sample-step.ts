import { type AnyEvent } from '@ib/domain';

/** One event of a sample history, on its stream, with who recorded it and where. */
export type Step = Readonly<{ streamId: string; event: AnyEvent; actorId: string; environment: string }>;

/** A session of one person (or one job): its steps, in the order it takes them. */
export type Script = () => Step[];

/**
 * Interleaves sessions as concurrent users would: a window of them runs at once, and each turn
 * `pick` chooses the one that takes its next step. A session's steps are made when it joins the window.
 */
export function interleave(
  scripts: readonly Script[],
  window: number,
  pick: (sessions: number) => number,
  emit: (step: Step) => void,
): void {
  const active: Step[][] = [];
  let nextScript = 0;
  while (nextScript < scripts.length || active.length > 0) {
    while (active.length < window && nextScript < scripts.length) active.push(scripts[nextScript++]());
    const slot = pick(active.length);
    const session = active[slot];
    const step = session.shift();
    if (step !== undefined) emit(step);
    if (session.length === 0) active.splice(slot, 1);
  }
}
