import { type AnyEvent, integrationStreamId, userStreamId } from '@ib/domain';
import { mysqlUrl } from '../support/mariadb';
import { everyViewAt, temporaryReadModel, type TemporaryReadModel } from '../support/read-model';
import { TcpRelay } from '../support/tcp-relay';
import { convertedToOpen, created, malformedCreated, RECORDED_AT } from '../support/runner-events';

/**
 * The projection runner's failure cases on a read model in MariaDB/MySQL, written by the MySQL writer
 * (MysqlReadModelWriter: savepoints of one transaction on a pooled connection, schema statements on
 * their own) and read through the server's pool, each spec in a fresh database dropped afterwards.
 *
 * The log stays on SQLite (as in temporaryReadModel): what is under test is what the runner writes and
 * how it recovers, which the log's dialect does not change, and a log of its own keeps appends and
 * reads of events out of reach of what a spec does to the read model's server.
 */

const at = RECORDED_AT;
const bobRegistered: AnyEvent = {
  type: 'UserRegistered',
  data: { userId: 'user-bob', username: 'bob', roles: [], createdBy: 'root', createdAt: at },
};
/** Raises bob's session version by one: applied twice, it would refuse every token he is given. */
const bobLoggedOut: AnyEvent = { type: 'UserLoggedOut', data: { userId: 'user-bob', loggedOutAt: at } };

describe('ProjectionRunner on a MariaDB/MySQL read model', () => {
  let model: TemporaryReadModel;
  beforeEach(async () => (model = await temporaryReadModel({ mysqlUrl: mysqlUrl() })));
  afterEach(() => model.dispose());

  const execute = (sql: string) => model.orm.em.fork().execute(sql);

  it('given a batch one event of which the server refuses, then that view keeps its rows and checkpoint, the others go on, and the status shows the server its error', async () => {
    // Given
    await model.append(integrationStreamId('int-1'), created('int-1'));
    await model.append(integrationStreamId('int-2'), created('int-2'));
    await model.append(integrationStreamId('int-1'), convertedToOpen('int-1'));
    await model.append(integrationStreamId('int-3'), malformedCreated('int-3'));
    const { lastPosition } = await model.append(userStreamId('bob'), bobRegistered);

    // When
    const runner = model.runner({ batchSize: 2 });
    await runner.start();

    // Then: a failed view is not waited for, read-your-writes answers at once instead of timing out
    expect(await runner.waitFor(lastPosition, 5000)).toBe(true);
    // The batch [int-1 opened, int-3 malformed] is rolled back for the integrations view alone
    expect(await model.view('integrations').get('int-1')).toMatchObject({ status: 'draft', version: 0 });
    expect(await model.view('integrations').get('int-2')).toMatchObject({ status: 'draft' });
    expect(await model.view('integrations').get('int-3')).toBeUndefined();
    expect((await model.rows('integrations')).map(({ id }) => id)).toEqual(['int-1', 'int-2']);
    expect(await model.view('users').get('user-bob')).toMatchObject({ username: 'bob' });
    // The connection bindings fold integrations' creation too, and refuse the malformed one alike.
    expect(await model.checkpoints()).toEqual({
      ...everyViewAt(lastPosition),
      integrations: 2,
      connection_bindings: 2,
    });
    expect((await runner.status()).find(({ name }) => name === 'integrations')).toEqual({
      name: 'integrations',
      position: 2,
      head: lastPosition,
      lag: lastPosition - 2,
      rebuilding: false,
      failed: "Column 'environment' cannot be null",
    });
  });

  it('given a failed view, when its rebuild fails on the same event, then the live rows and checkpoint stay as they were and no shadow table is left', async () => {
    // Given
    await model.append(integrationStreamId('int-1'), created('int-1'));
    await model.append(integrationStreamId('int-3'), malformedCreated('int-3'));
    const runner = model.runner({ batchSize: 1 });
    await runner.start();
    await runner.waitFor(2, 5000);
    const before = await model.rows('integrations');
    expect(before).toEqual([expect.objectContaining({ id: 'int-1' })]);

    // When
    await expect(runner.rebuild('integrations')).rejects.toThrow("Column 'environment' cannot be null");

    // Then
    expect(await model.rows('integrations')).toEqual(before);
    expect(await model.checkpoints()).toEqual({ ...everyViewAt(2), integrations: 1, connection_bindings: 1 });
    // The MySQL rebuild builds into `<table>__rebuild` (shadowOf), made with `create table ... like`.
    expect(await model.tables('%rebuild%')).toEqual([]);
    expect((await runner.status()).find(({ name }) => name === 'integrations')).toMatchObject({
      position: 1,
      rebuilding: false,
      failed: "Column 'environment' cannot be null",
    });
  });

  it('given a batch whose checkpoints the server cannot write, then none of the batch is kept and it is retried until the table is back', async () => {
    // Given
    const runner = model.runner();
    await runner.start();
    await runner.waitFor(
      (await model.append(integrationStreamId('int-1'), created('int-1'))).lastPosition,
      5000,
    );
    await execute('rename table projection_checkpoints to projection_checkpoints_away');

    // When
    const { lastPosition } = await model.append(
      integrationStreamId('int-2'),
      created('int-2'),
      convertedToOpen('int-2'),
    );

    // Then: the batch's rows were written in the transaction that the checkpoints failed, and went with it
    expect(await runner.waitFor(lastPosition, 300)).toBe(false);
    expect(await model.view('integrations').get('int-2')).toBeUndefined();
    expect((await model.rows('integrations')).map(({ id }) => id)).toEqual(['int-1']);
    await execute('rename table projection_checkpoints_away to projection_checkpoints');
    expect(await runner.waitFor(lastPosition, 5000)).toBe(true);
    expect(await model.view('integrations').get('int-2')).toMatchObject({ status: 'open', version: 1 });
    expect(await model.checkpoints()).toEqual(everyViewAt(lastPosition));
    expect((await runner.status()).every(({ failed, lag }) => failed === undefined && lag === 0)).toBe(true);
  });
});

describe('ProjectionRunner on a MariaDB/MySQL read model whose connections are lost', () => {
  let relay: TcpRelay;
  let model: TemporaryReadModel;
  beforeEach(async () => {
    const server = new URL(mysqlUrl());
    relay = await TcpRelay.open({ host: server.hostname, port: Number(server.port || '3306') });
    model = await temporaryReadModel({ mysqlUrl: relay.urlFor(mysqlUrl()) });
  });
  afterEach(async () => {
    // Back up whatever a spec did, so the database can be dropped through it.
    await relay.up();
    await model.dispose();
    await relay.down();
  });

  /** Resolves once `check` holds, checked every 20 ms; rejects after `timeoutMs`. */
  const eventually = async (check: () => Promise<boolean>, timeoutMs = 5000): Promise<void> => {
    const deadline = Date.now() + timeoutMs;
    while (!(await check().catch(() => false))) {
      if (Date.now() > deadline) throw new Error('Condition not reached in time');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };

  it('given the server gone while batches come and back later, then no view fails and every view ends complete, each event applied once', async () => {
    // Given
    const runner = model.runner();
    await runner.start();
    await runner.waitFor((await model.append(userStreamId('bob'), bobRegistered)).lastPosition, 5000);

    // When
    await relay.down();
    await model.append(integrationStreamId('int-1'), created('int-1'));
    await model.append(integrationStreamId('int-1'), convertedToOpen('int-1'));
    const { lastPosition } = await model.append(userStreamId('bob'), bobLoggedOut);
    expect(await runner.waitFor(lastPosition, 300)).toBe(false);
    await relay.up();

    // Then
    expect(await runner.waitFor(lastPosition, 5000)).toBe(true);
    expect((await runner.status()).filter(({ failed }) => failed !== undefined)).toEqual([]);
    expect(await model.view('integrations').get('int-1')).toMatchObject({ status: 'open', version: 1 });
    expect(await model.view('user_sessions').get('user-bob')).toMatchObject({ sessionVersion: 1 });
    expect(await model.checkpoints()).toEqual(everyViewAt(lastPosition));
  });

  it('given a batch the server committed but whose commit was never answered, when the runner retries, then it applies none of its events twice', async () => {
    // Given
    const runner = model.runner({ retryDelayMs: 200 });
    await runner.start();
    await runner.waitFor((await model.append(userStreamId('bob'), bobRegistered)).lastPosition, 5000);
    const commitUnanswered = relay.loseAnswerTo(/^\s*commit\s*$/i);

    // When
    const { lastPosition } = await model.append(userStreamId('bob'), bobLoggedOut);
    await commitUnanswered;
    // The server did commit the batch: its rows and checkpoints are there
    await eventually(async () => (await model.checkpoints()).user_sessions === lastPosition);

    // Then: reached only once the runner retried, since no commit of the batch was answered
    expect(await runner.waitFor(lastPosition, 5000)).toBe(true);
    expect(await model.view('user_sessions').get('user-bob')).toMatchObject({ sessionVersion: 1 });
    expect(await model.checkpoints()).toEqual(everyViewAt(lastPosition));
    expect((await runner.status()).filter(({ failed }) => failed !== undefined)).toEqual([]);
  });
});
