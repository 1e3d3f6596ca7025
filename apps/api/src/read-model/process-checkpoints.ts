import {
  type InstanceChanges,
  NO_INSTANCE_CHANGES,
  type ProcessCheckpoint,
  type ProcessCheckpoints,
} from '../infrastructure/process-managers/process-checkpoints.port';
import { inlineWriterFor } from '../infrastructure/read-model/read-model-writer';
import {
  checkpointUpsert,
  type ReadModelWriter,
  requireAll,
} from '../infrastructure/read-model/read-model-writes';
import { upsertSql } from '../infrastructure/read-model/upsert-sql';
import { type ReadModelDialect } from '../infrastructure/read-model/view-reader';
import { type ReadModelOrm } from './read-model-orm';

const instanceUpsert = (dialect: ReadModelDialect) =>
  upsertSql(dialect, 'process_instances', ['process', 'id', 'document'], ['process', 'id']);
const INSTANCE_DELETE = 'delete from `process_instances` where `process` = ? and `id` = ?';

/**
 * The process managers' checkpoints (in the read model's SQLite file or MySQL database, by `dialect`),
 * in the read model's projection_checkpoints table (named apart
 * from the views by the runner), and their instances in process_instances. A checkpoint and its
 * instances are written in one transaction, through the read model's one writer (see
 * ReadModelWriter), as the projection runner writes its batches.
 */
export class SqliteProcessCheckpoints implements ProcessCheckpoints {
  private resolvedWriter?: ReadModelWriter;

  constructor(
    private readonly orm: ReadModelOrm,
    private readonly now: () => Date = () => new Date(),
    private readonly writer?: ReadModelWriter,
    private readonly dialect: ReadModelDialect = 'sqlite',
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
    const statements = [
      { sql: checkpointUpsert(this.dialect), rows: [[name, position, this.now().toISOString()]] },
      {
        sql: instanceUpsert(this.dialect),
        rows: [...changes.upserts].map(([id, document]) => [name, id, JSON.stringify(document)]),
      },
      { sql: INSTANCE_DELETE, rows: changes.removals.map((id) => [name, id]) },
    ];
    requireAll(await (await this.writerOf()).write([{ name, statements }]));
  }

  private async writerOf(): Promise<ReadModelWriter> {
    this.resolvedWriter ??= this.writer ?? (await inlineWriterFor(this.orm));
    return this.resolvedWriter;
  }
}
