import {
  type InstanceChanges,
  NO_INSTANCE_CHANGES,
  type ProcessCheckpoint,
  type ProcessCheckpoints,
} from '../infrastructure/process-managers/process-checkpoints.port';
import { inNativeTransaction } from '../infrastructure/read-model/native-transaction';
import { type NativeDatabase } from '../infrastructure/read-model/view-table';
import { type ReadModelOrm } from './read-model-orm';

const CHECKPOINT_UPSERT =
  'insert into `projection_checkpoints` (`name`, `position`, `updated_at`) values (?, ?, ?) ' +
  'on conflict (`name`) do update set `position` = excluded.`position`, `updated_at` = excluded.`updated_at`';
const INSTANCE_UPSERT =
  'insert into `process_instances` (`process`, `id`, `document`) values (?, ?, ?) ' +
  'on conflict (`process`, `id`) do update set `document` = excluded.`document`';
const INSTANCE_DELETE = 'delete from `process_instances` where `process` = ? and `id` = ?';

/**
 * The process managers' checkpoints, in the read model's projection_checkpoints table (named apart
 * from the views by the runner), and their instances in process_instances. A checkpoint and its
 * instances are written in one transaction on the driver's connection, as the projection runner
 * writes its batches: synchronous from BEGIN to COMMIT, so no other write comes between them.
 */
export class SqliteProcessCheckpoints implements ProcessCheckpoints {
  private db?: NativeDatabase;

  constructor(
    private readonly orm: ReadModelOrm,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async load(name: string): Promise<ProcessCheckpoint | undefined> {
    const em = this.orm.em.fork();
    const [checkpoint] = await em.execute<{ position: number }[]>(
      'select `position` from `projection_checkpoints` where `name` = ?',
      [name],
    );
    if (checkpoint === undefined) return undefined;
    const rows = await em.execute<{ id: string; document: string | object }[]>(
      'select `id`, `document` from `process_instances` where `process` = ? order by `id`',
      [name],
    );
    return {
      position: Number(checkpoint.position),
      instances: new Map(
        rows.map(({ id, document }) => [
          id,
          typeof document === 'string' ? (JSON.parse(document) as object) : document,
        ]),
      ),
    };
  }

  async save(name: string, position: number, changes: InstanceChanges = NO_INSTANCE_CHANGES): Promise<void> {
    const db = await this.database();
    const write = () => {
      db.prepare(CHECKPOINT_UPSERT).run([name, position, this.now().toISOString()]);
      for (const [id, document] of changes.upserts)
        db.prepare(INSTANCE_UPSERT).run([name, id, JSON.stringify(document)]);
      for (const id of changes.removals) db.prepare(INSTANCE_DELETE).run([name, id]);
    };
    await inNativeTransaction(this.orm, db, write);
  }

  private async database(): Promise<NativeDatabase> {
    this.db ??= await this.orm.em.getConnection().getNativeClient();
    return this.db;
  }
}
