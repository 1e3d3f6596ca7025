/** Where a process manager stands: every event up to `position` was handed to it. */
export type ProcessCheckpoint = Readonly<{
  position: number;
  /** The documents of its `instances` projection, by instance id. */
  instances: ReadonlyMap<string, object>;
}>;

/** What one batch changed in a manager's instances: documents written, ids of those finished. */
export type InstanceChanges = Readonly<{
  upserts: ReadonlyMap<string, object>;
  removals: readonly string[];
}>;

export const NO_INSTANCE_CHANGES: InstanceChanges = { upserts: new Map(), removals: [] };

/** The checkpoints of the process managers, kept next to those of the read-model views. */
export interface ProcessCheckpoints {
  /** undefined: none was ever saved under that name. */
  load(name: string): Promise<ProcessCheckpoint | undefined>;
  /** Moves the checkpoint and applies the instance changes in one transaction. */
  save(name: string, position: number, changes?: InstanceChanges): Promise<void>;
}

export const PROCESS_CHECKPOINTS = Symbol('PROCESS_CHECKPOINTS');
