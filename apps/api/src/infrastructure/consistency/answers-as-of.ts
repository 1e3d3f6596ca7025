const MAX_ANSWERS = 10_000;

/**
 * Answers read from the views, each with the head position the views had passed before it was read:
 * an answer read as of position p holds for any caller whose own head position is at most p (no write
 * it must see came after). Callers that arrive while nothing is appended then read no view at all.
 * Bounded: emptied when full.
 */
export class AnswersAsOf<V> {
  private readonly answers = new Map<string, Readonly<{ asOf: number; answer: V }>>();

  /** The answer read as of `head` or later, if any. */
  get(key: string, head: number): V | undefined {
    const known = this.answers.get(key);
    return known !== undefined && known.asOf >= head ? known.answer : undefined;
  }

  set(key: string, asOf: number, answer: V): void {
    if (this.answers.size >= MAX_ANSWERS) this.answers.clear();
    this.answers.set(key, { asOf, answer });
  }
}
