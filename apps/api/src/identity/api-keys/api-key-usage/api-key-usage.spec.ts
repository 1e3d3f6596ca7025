import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inlineWriterFor } from '../../../infrastructure/read-model/read-model-writer';
import { type NativeDatabase, SqliteViewReader } from '../../../infrastructure/read-model/view-reader';
import { createReadModelOrm, type ReadModelAccess } from '../../../read-model';
import { describeApiKeyUsageContract } from './testing/api-key-usage.contract';

describeApiKeyUsageContract('ApiKeyUsage (SQLite)', async () => {
  const folder = mkdtempSync(join(tmpdir(), 'ib-api-key-usage-'));
  const orm = await createReadModelOrm({ file: join(folder, 'read-model.db'), views: [] });
  const writer = await inlineWriterFor(orm);
  const native = (await orm.em.getConnection().getNativeClient()) as NativeDatabase;
  // One process owns a SQLite read model: its two counters share the one writer, as two modules would.
  const access: ReadModelAccess = {
    dialect: 'sqlite',
    reader: new SqliteViewReader(native),
    writer,
    processWriter: writer,
  };
  return {
    instances: [access, access],
    close: async () => {
      await orm.close();
      rmSync(folder, { recursive: true, force: true });
    },
  };
});
