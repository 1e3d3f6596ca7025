import { upsertSql } from './upsert-sql';
import { type ReadModelDialect } from './view-reader';

/** One statement, run once per row of parameters (once, with none, for a row that is empty). */
export type WriteStatement = Readonly<{ sql: string; rows: readonly (readonly unknown[])[] }>;

/**
 * Statements written all or nothing, under a savepoint of the write's one transaction: a group that
 * fails is rolled back alone and reported by its name, while the other groups are committed.
 * `closing` statements run once the group's own succeeded (a view's checkpoint after its rows); one
 * that fails fails the whole write, since it is no fault of the group's.
 */
export type WriteGroup = Readonly<{
  name: string;
  statements: readonly WriteStatement[];
  closing?: readonly WriteStatement[];
}>;

export type WriteOutcome = Readonly<{ failed: readonly Readonly<{ name: string; message: string }>[] }>;

/**
 * Every write to the read-model database goes through one writer, in order: the views' batches and
 * checkpoints, rebuilds and the process managers' checkpoints. A write is one transaction; it rejects
 * when that transaction cannot be committed at all (then none of its groups is).
 */
export interface ReadModelWriter {
  write(groups: readonly WriteGroup[]): Promise<WriteOutcome>;
  close(): Promise<void>;
}

export const READ_MODEL_WRITER = Symbol('READ_MODEL_WRITER');

/** Throws the first failed group's error: for writes whose groups must all succeed. */
export const requireAll = ({ failed }: WriteOutcome): void => {
  if (failed.length > 0) throw new Error(`${failed[0].name}: ${failed[0].message}`);
};

/** Writes one checkpoint row (name, position, updated_at) in the read model's dialect. */
export const checkpointUpsert = (dialect: ReadModelDialect): string =>
  upsertSql(dialect, 'projection_checkpoints', ['name', 'position', 'updated_at'], ['name']);
