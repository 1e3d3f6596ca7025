import { EventEmitter } from 'node:events';
import { Connection, TYPES, type ConnectionConfiguration, type Request } from 'tedious';
import { ConnectorError } from '../spi';
import { mapMssqlError } from './map-mssql-error';
import { createMssqlConnector } from './mssql-connector';
import { type MssqlConnection } from './mssql-driver';
import { mssqlLabel, resolveMssqlOptions, type MssqlConnectorOptions } from './mssql-options';
import { tediousConfiguration, tediousConnectionFactory } from './tedious-driver';

const PASSWORD = 's3cr3t!';
const OPTIONS: MssqlConnectorOptions = {
  server: 'db.example.com',
  user: 'app',
  password: PASSWORD,
  database: 'Chinook',
};

type Answer = Readonly<{ rows?: Record<string, unknown>[]; rowCount?: number; error?: Error }>;

/**
 * A fake of tedious's Connection: records the Request objects it is given and answers them the way
 * tedious does ('row' events with an array of { value, metadata } columns, as `useColumnNames: false`
 * delivers them, then the request's callback with the row count), one answer per request.
 */
class FakeTediousConnection extends EventEmitter {
  closed = false;
  readonly requests: Request[] = [];
  readonly cancel = jest.fn(() => true);
  /** Error tokens the server sends during login, before the login error itself. */
  loginMessages: { number: number; message: string }[] = [];
  loginError: Error | undefined;
  private readonly answers: Answer[] = [];

  constructor(readonly config: ConnectionConfiguration) {
    super();
  }

  answer(...answers: Answer[]): this {
    this.answers.push(...answers);
    return this;
  }

  connect(callback: (error?: Error) => void): void {
    setImmediate(() => {
      for (const token of this.loginMessages) this.emit('errorMessage', { ...token, class: 14, state: 1 });
      if (this.loginError) {
        this.closed = true;
        callback(this.loginError);
      } else {
        callback();
      }
    });
  }

  execSql(request: Request): void {
    this.requests.push(request);
    const answer = this.answers.shift() ?? {};
    const { rows = [], error } = answer;
    // An answer with `rowCount: undefined` completes the way tedious does for a count it was not sent.
    const rowCount = 'rowCount' in answer ? answer.rowCount : rows.length;
    setImmediate(() => {
      for (const row of rows) {
        request.emit(
          'row',
          Object.entries(row).map(([colName, value]) => ({
            value,
            metadata: { colName, type: TYPES.NVarChar, userType: 0, flags: 9, dataLength: 8000 },
          })),
        );
      }
      request.callback(error, error ? undefined : rowCount);
    });
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    setImmediate(() => this.emit('end'));
  }
}

function given(options: MssqlConnectorOptions = OPTIONS) {
  const created: FakeTediousConnection[] = [];
  const setUp: ((connection: FakeTediousConnection) => void)[] = [];
  const factory = tediousConnectionFactory(resolveMssqlOptions(options), (config) => {
    const connection = new FakeTediousConnection(config);
    for (const step of setUp) step(connection);
    created.push(connection);
    return connection as unknown as Connection;
  });
  return {
    factory,
    created,
    /** Configures every fake connection before it connects. */
    server(step: (connection: FakeTediousConnection) => void) {
      setUp.push(step);
    },
  };
}

async function connected(answers: Answer[] = []) {
  const world = given();
  world.server((connection) => connection.answer(...answers));
  const connection: MssqlConnection = await world.factory();
  return { connection, fake: world.created[0] };
}

const loginFailed = () => Object.assign(new Error("Login failed for user 'app'."), { code: 'ELOGIN' });

describe('tediousConfiguration', () => {
  it('given the defaults, when configured, then it logs in with user and password over verified TLS on port 1433', () => {
    expect(tediousConfiguration(resolveMssqlOptions(OPTIONS))).toEqual({
      server: 'db.example.com',
      authentication: { type: 'default', options: { userName: 'app', password: PASSWORD } },
      options: {
        port: 1433,
        database: 'Chinook',
        encrypt: true,
        trustServerCertificate: false,
        connectTimeout: 15_000,
        requestTimeout: 15_000,
        rowCollectionOnRequestCompletion: false,
        useColumnNames: false,
        useUTC: true,
      },
    });
  });

  it('given a named instance and explicit TLS and timeouts, when configured, then it names the instance, no port, and passes the settings unchanged', () => {
    const config = tediousConfiguration(
      resolveMssqlOptions({
        server: 'db.example.com',
        instanceName: 'SQLEXPRESS',
        user: 'app',
        encrypt: false,
        trustServerCertificate: true,
        connectTimeoutMs: 3_000,
        requestTimeoutMs: 60_000,
      }),
    );
    expect(config.options).toEqual({
      instanceName: 'SQLEXPRESS',
      encrypt: false,
      trustServerCertificate: true,
      connectTimeout: 3_000,
      requestTimeout: 60_000,
      rowCollectionOnRequestCompletion: false,
      useColumnNames: false,
      useUTC: true,
    });
    expect(config.options).not.toHaveProperty('port');
    expect(config.options).not.toHaveProperty('database');
    expect(config.authentication).toEqual({ type: 'default', options: { userName: 'app', password: '' } });
  });

  it.each([
    ['a port', OPTIONS],
    ['an instance name', { ...OPTIONS, instanceName: 'SQLEXPRESS' }],
  ])('given %s, when tedious validates the configuration, then it accepts it', (_, options) => {
    // Constructing a tedious Connection checks the configuration without opening a socket.
    const connection = new Connection(tediousConfiguration(resolveMssqlOptions(options)));
    expect(connection.config.options).toMatchObject({
      encrypt: true,
      trustServerCertificate: false,
      useColumnNames: false,
      rowCollectionOnRequestCompletion: false,
    });
    expect(connection.closed).toBe(false);
  });

  it('given a port and an instance name, when resolved, then it is refused without naming the password', () => {
    const error = (() => {
      try {
        resolveMssqlOptions({ ...OPTIONS, port: 1433, instanceName: 'SQLEXPRESS' });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toMatchObject({ code: 'CONNECTOR.INVALID_OPTIONS' });
    expect((error as Error).message).not.toContain(PASSWORD);
  });
});

describe('tediousConnectionFactory: connect', () => {
  it('given a server that accepts the login, when connecting, then the connection is handed out healthy with the configuration', async () => {
    const world = given();
    const connection = await world.factory();
    expect(connection.isHealthy()).toBe(true);
    expect(world.created).toHaveLength(1);
    expect(world.created[0].config).toEqual(tediousConfiguration(resolveMssqlOptions(OPTIONS)));
    expect(world.created[0].listenerCount('errorMessage')).toBe(0);
    await connection.close();
  });

  it('given a failed login (18456), when connecting, then the error carries the number and maps to AUTH_FAILED without the password', async () => {
    const world = given();
    world.server((connection) => {
      connection.loginMessages = [{ number: 18456, message: "Login failed for user 'app'." }];
      connection.loginError = loginFailed();
    });
    const error = await world.factory().catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'ELOGIN', number: 18456 });
    expect(world.created[0].listenerCount('errorMessage')).toBe(0);

    const mapped = mapMssqlError(error, mssqlLabel(resolveMssqlOptions(OPTIONS)));
    expect(mapped).toBeInstanceOf(ConnectorError);
    expect(mapped).toMatchObject({ code: 'CONNECTOR.AUTH_FAILED', transient: false });
    expect((mapped as Error).message).toBe(
      'Login to db.example.com:1433/Chinook failed: check the user name and password',
    );
    expect((mapped as Error).message).not.toContain(PASSWORD);
  });

  it('given a database the login cannot open (4060 then 18456), when connecting, then the first number is kept and it maps to DATABASE_NOT_FOUND', async () => {
    const world = given();
    world.server((connection) => {
      connection.loginMessages = [
        { number: 4060, message: 'Cannot open database "Chinook" requested by the login. The login failed.' },
        { number: 18456, message: "Login failed for user 'app'." },
      ];
      connection.loginError = loginFailed();
    });
    const error = await world.factory().catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'ELOGIN', number: 4060 });
    expect(mapMssqlError(error, 'db')).toMatchObject({ code: 'CONNECTOR.DATABASE_NOT_FOUND' });
  });

  it('given a connector on the tedious driver, when the login fails, then the caller sees AUTH_FAILED and never the password', async () => {
    const connector = createMssqlConnector(OPTIONS, (options) =>
      tediousConnectionFactory(options, (config) => {
        const connection = new FakeTediousConnection(config);
        connection.loginError = Object.assign(
          new Error(`Login failed for user 'app'. password ${PASSWORD}`),
          { code: 'ELOGIN' },
        );
        return connection as unknown as Connection;
      }),
    );
    const error = await connector.testConnection().catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'CONNECTOR.AUTH_FAILED' });
    expect((error as Error).message).not.toContain(PASSWORD);
    await connector.close();
  });

  it('given an unreachable server, when connecting, then the socket error is passed on for the connector to map', async () => {
    const world = given();
    world.server((connection) => {
      connection.loginError = Object.assign(new Error('Failed to connect to db.example.com:1433'), {
        code: 'ESOCKET',
      });
    });
    const error = await world.factory().catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'ESOCKET' });
    expect(error).not.toHaveProperty('number');
    expect(mapMssqlError(error, 'db')).toMatchObject({ code: 'CONNECTOR.UNREACHABLE', transient: true });
  });
});

describe('TediousConnection: execute', () => {
  it('given typed parameters, when executed, then each is added with the explicit tedious type and its length, precision and scale', async () => {
    const { connection, fake } = await connected();
    await connection.execute('SELECT 1 WHERE @name = @name', [
      { name: 'name', type: 'NVarChar', value: 'Rock', length: 120 },
      { name: 'ids', type: 'NVarChar', value: ',1,2,', length: 'max' },
      { name: 'price', type: 'Decimal', value: '0.99', precision: 10, scale: 2 },
      { name: 'at', type: 'DateTime2', value: new Date(0), scale: 3 },
      { name: 'id', type: 'Int', value: 7 },
      { name: 'blob', type: 'VarBinary', value: Buffer.from('x'), length: 16 },
      { name: 'guid', type: 'UniqueIdentifier', value: '6F9619FF-8B86-D011-B42D-00C04FC964FF' },
    ]);

    const [request] = fake.requests;
    expect(request.sqlTextOrProcedure).toBe('SELECT 1 WHERE @name = @name');
    const added = request.parameters.map(({ name, type, value, length, precision, scale }) => ({
      name,
      type,
      value,
      length,
      precision,
      scale,
    }));
    const none = { length: undefined, precision: undefined, scale: undefined };
    expect(added).toEqual([
      { ...none, name: 'name', type: TYPES.NVarChar, value: 'Rock', length: 120 },
      { ...none, name: 'ids', type: TYPES.NVarChar, value: ',1,2,', length: Infinity },
      { ...none, name: 'price', type: TYPES.Decimal, value: '0.99', precision: 10, scale: 2 },
      { ...none, name: 'at', type: TYPES.DateTime2, value: new Date(0), scale: 3 },
      { ...none, name: 'id', type: TYPES.Int, value: 7 },
      { ...none, name: 'blob', type: TYPES.VarBinary, value: Buffer.from('x'), length: 16 },
      {
        ...none,
        name: 'guid',
        type: TYPES.UniqueIdentifier,
        value: '6F9619FF-8B86-D011-B42D-00C04FC964FF',
      },
    ]);
    expect(request.parameters.every((parameter) => parameter.output === false)).toBe(true);
    // (max) is what tedious declares for a length above the type's limit.
    expect(TYPES.NVarChar.declaration(request.parameters[1])).toBe('nvarchar(max)');
    expect(TYPES.NVarChar.declaration(request.parameters[0])).toBe('nvarchar(120)');
    expect(TYPES.Decimal.declaration(request.parameters[2])).toBe('decimal(10, 2)');
  });

  it('given rows, when executed, then each row of { value, metadata } columns becomes a plain object by column name', async () => {
    const { connection, fake } = await connected([
      {
        rows: [
          { AlbumId: 1, Title: 'For Those About To Rock', ArtistId: null },
          { AlbumId: 2, Title: 'Balls to the Wall', ArtistId: 2 },
        ],
      },
    ]);
    const result = await connection.execute('SELECT [AlbumId], [Title], [ArtistId] FROM [dbo].[Album]');
    expect(result).toEqual({
      rows: [
        { AlbumId: 1, Title: 'For Those About To Rock', ArtistId: null },
        { AlbumId: 2, Title: 'Balls to the Wall', ArtistId: 2 },
      ],
      rowCount: 2,
    });
    expect(Object.getPrototypeOf(result.rows[0])).toBe(Object.prototype);
    expect(fake.requests[0].parameters).toEqual([]);
  });

  it("given a statement followed by SELECT @@ROWCOUNT, when executed, then the affected count is the row it selected and tedious's total is passed on unchanged", async () => {
    // tedious adds up every DONE count: the UPDATE, the rows a trigger touched and the SELECT.
    const { connection } = await connected([{ rows: [{ affected: 1 }], rowCount: 3 }]);
    const result = await connection.execute(
      'UPDATE [dbo].[Album] SET [Title] = @p1 WHERE [AlbumId] = @p2; SELECT @@ROWCOUNT AS affected;',
      [
        { name: 'p1', type: 'NVarChar', value: 'x', length: 160 },
        { name: 'p2', type: 'Int', value: 1 },
      ],
    );
    expect(result).toEqual({ rows: [{ affected: 1 }], rowCount: 3 });
  });

  it('given a request tedious completes without a row count, when executed, then the row count is 0', async () => {
    const { connection } = await connected([{ rowCount: undefined }]);
    await expect(connection.execute('SET NOCOUNT ON')).resolves.toEqual({ rows: [], rowCount: 0 });
  });

  it('given a request error, when executed, then it rejects with the server error and the connection stays healthy', async () => {
    const requestError = Object.assign(new Error("Invalid object name 'dbo.Nope'."), {
      code: 'EREQUEST',
      number: 208,
    });
    const { connection } = await connected([{ error: requestError }, { rows: [{ n: 1 }] }]);
    await expect(connection.execute('SELECT * FROM dbo.Nope')).rejects.toBe(requestError);
    expect(connection.isHealthy()).toBe(true);
    await expect(connection.execute('SELECT 1 AS n')).resolves.toEqual({ rows: [{ n: 1 }], rowCount: 1 });
  });

  it.each(['ESOCKET', 'ECLOSE'])(
    'given a request failing with %s, when executed, then it rejects and the connection is no longer healthy',
    async (code) => {
      const { connection } = await connected([
        { error: Object.assign(new Error('Connection lost'), { code }) },
      ]);
      await expect(connection.execute('SELECT 1')).rejects.toMatchObject({ code });
      expect(connection.isHealthy()).toBe(false);
    },
  );
});

describe('TediousConnection: health and close', () => {
  it("given an idle connection, when the socket emits 'error', then the process does not crash and the connection is unhealthy", async () => {
    const { connection, fake } = await connected();
    expect(() => fake.emit('error', new Error('read ECONNRESET'))).not.toThrow();
    expect(connection.isHealthy()).toBe(false);
  });

  it("given an idle connection, when tedious emits 'end', then it is unhealthy", async () => {
    const { connection, fake } = await connected();
    fake.emit('end');
    expect(connection.isHealthy()).toBe(false);
  });

  it("given an open connection, when closed, then it closes tedious's connection and resolves on 'end'", async () => {
    const { connection, fake } = await connected();
    const close = jest.spyOn(fake, 'close');
    await connection.close();
    expect(close).toHaveBeenCalledTimes(1);
    expect(fake.closed).toBe(true);
    expect(connection.isHealthy()).toBe(false);
    expect(fake.cancel).not.toHaveBeenCalled();
  });

  it('given a connection tedious already closed, when closed, then it resolves without closing it again', async () => {
    const { connection, fake } = await connected();
    fake.closed = true;
    const close = jest.spyOn(fake, 'close');
    await expect(connection.close()).resolves.toBeUndefined();
    expect(close).not.toHaveBeenCalled();
    expect(connection.isHealthy()).toBe(false);
  });
});
