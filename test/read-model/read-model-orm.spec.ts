import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { APP_VIEWS } from '../../apps/api/src/app.views';
import { createReadModelOrm, READ_MODEL_MIGRATIONS, type ReadModelOrm } from '../../apps/api/src/read-model';

describe('createReadModelOrm', () => {
  let folder: string;
  const opened: ReadModelOrm[] = [];
  const open = async () => {
    const orm = await createReadModelOrm({ file: join(folder, 'data', 'read-model.db'), views: APP_VIEWS });
    opened.push(orm);
    return orm;
  };
  beforeEach(() => (folder = mkdtempSync(join(tmpdir(), 'ib-read-model-orm-'))));
  afterEach(async () => {
    for (const orm of opened.splice(0)) await orm.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('given no database file, then it creates one and applies the committed migrations', async () => {
    const orm = await open();

    const tables = await orm.em
      .fork()
      .execute<{ name: string }[]>(
        "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name",
      );
    expect(tables.map(({ name }) => name)).toEqual([
      'api_key_usage',
      'api_keys',
      'change_requests',
      'connection_bindings',
      'connection_requests',
      'connections',
      'dependencies',
      'deployments',
      'environment_drift_checks',
      'environments',
      'integration_dependency_states',
      'integrations',
      'job_leases',
      'mail_deliveries',
      'notifications',
      'process_instances',
      'projection_checkpoints',
      'publications',
      'read_model_migrations',
      'republish_runs',
      'schema_drift',
      'user_sessions',
      'users',
    ]);
    expect((await orm.migrator.getExecuted()).map(({ name }) => name)).toEqual([
      '0001-create-read-model',
      '0002-create-publishing-views',
      '0003-integration-published-version',
      '0004-dependencies-per-environment',
      '0005-user-owner',
      '0006-process-instances',
      '0007-user-sessions',
      '0008-republish-runs',
      '0009-job-leases',
      '0010-user-email',
      '0011-notifications',
      '0012-integration-null-policy',
      '0013-connection-bindings',
      '0014-user-access',
      '0015-four-eyes',
      '0016-schema-drift',
      '0017-own-connection-bindings',
      '0018-integration-specification',
      '0019-api-key-scope-and-usage',
    ]);
  });

  it('describes in its entity schemas exactly the tables the migrations create', async () => {
    const orm = await open();

    expect((await orm.schema.getUpdateSchemaSQL()).trim()).toBe('');
  });

  it('given a migrated database, when it is opened again, then nothing is migrated twice', async () => {
    await (await open()).close();
    opened.splice(0);

    const reopened = await open();

    expect(await reopened.migrator.getPending()).toEqual([]);
    expect(await reopened.migrator.getExecuted()).toHaveLength(READ_MODEL_MIGRATIONS.length);
  });
});
