import {
  type InstanceChanges,
  type ProcessCheckpoint,
  type ProcessCheckpoints,
} from '../process-checkpoints.port';

/** The checkpoints port kept in memory, for specs of the runner; `saves` counts the writes. */
export class InMemoryProcessCheckpoints implements ProcessCheckpoints {
  readonly stored = new Map<string, { position: number; instances: Map<string, object> }>();
  saves = 0;

  load(name: string): Promise<ProcessCheckpoint | undefined> {
    const checkpoint = this.stored.get(name);
    return Promise.resolve(
      checkpoint && { position: checkpoint.position, instances: new Map(checkpoint.instances) },
    );
  }

  save(name: string, position: number, changes?: InstanceChanges): Promise<void> {
    const instances = new Map(this.stored.get(name)?.instances);
    for (const [id, document] of changes?.upserts ?? []) instances.set(id, document);
    for (const id of changes?.removals ?? []) instances.delete(id);
    this.stored.set(name, { position, instances });
    this.saves += 1;
    return Promise.resolve();
  }

  positionOf(name: string): number | undefined {
    return this.stored.get(name)?.position;
  }
}
