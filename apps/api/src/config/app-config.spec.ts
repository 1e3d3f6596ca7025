import { ConfigError, loadConfig } from './app-config';

const caught = (action: () => unknown): Error => {
  try {
    action();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected an error');
};

describe('loadConfig', () => {
  describe('JSON_MAX_DEPTH', () => {
    it('defaults to 64 levels', () => expect(loadConfig({}, '/srv').jsonMaxDepth).toBe(64));

    it('takes a configured limit', () =>
      expect(loadConfig({ JSON_MAX_DEPTH: '16' }, '/srv').jsonMaxDepth).toBe(16));

    it.each(['0', '-1', '2.5', 'deep', '1001'])('refuses %s with a message naming the variable', (value) => {
      const error = caught(() => loadConfig({ JSON_MAX_DEPTH: value }, '/srv'));

      expect(error).toBeInstanceOf(ConfigError);
      expect(error.message).toMatch(/JSON_MAX_DEPTH must be an integer from 1 to 1000/);
    });
  });

  describe('SECRETS_KEY_FILE', () => {
    it('is unset by default', () => expect(loadConfig({}, '/srv').secretsKeyFile).toBeUndefined());

    it('resolves a relative path against the working folder', () =>
      expect(loadConfig({ SECRETS_KEY_FILE: 'keys/master.key' }, '/srv').secretsKeyFile).toBe(
        '/srv/keys/master.key',
      ));

    it('refuses SECRETS_KEY and SECRETS_KEY_FILE together, without echoing the key', () => {
      const error = caught(() =>
        loadConfig(
          { SECRETS_KEY: 'a-key-value-that-must-not-be-echoed', SECRETS_KEY_FILE: '/etc/ib/key' },
          '/srv',
        ),
      );

      expect(error).toBeInstanceOf(ConfigError);
      expect(error.message).toMatch(/SECRETS_KEY and SECRETS_KEY_FILE are both set/);
      expect(error.message).not.toContain('a-key-value-that-must-not-be-echoed');
    });
  });

  describe('EVENT_STORE_URL, DATABASE_URL, TOKEN_SECRET and INSTANCE_ID', () => {
    const secret = { TOKEN_SECRET: 'a'.repeat(32) };

    it('given none, then the log and the state stay in SQLite files', () => {
      const config = loadConfig({}, '/srv');

      expect(config.eventStore).toEqual({ kind: 'sqlite' });
      expect(config.database).toEqual({ kind: 'sqlite' });
    });

    it('given a mariadb:// event store, then it names that server', () => {
      const config = loadConfig({ ...secret, EVENT_STORE_URL: 'mariadb://ib:pw@db:3307/ib_events' }, '/srv');

      expect(config.eventStore).toEqual({
        kind: 'mysql',
        server: { host: 'db', port: 3307, user: 'ib', password: 'pw', database: 'ib_events' },
      });
    });

    it.each([
      'kurrentdb://localhost:2113?tls=false',
      'esdb://node1:2113,node2:2113?tls=true',
      'esdb+discover://cluster:2113',
    ])('given %s, then the KurrentDB client gets the connection string as it is', (url) =>
      expect(loadConfig({ ...secret, EVENT_STORE_URL: url }, '/srv').eventStore).toEqual({
        kind: 'kurrentdb',
        connectionString: url,
      }),
    );

    it('given a server URL without TOKEN_SECRET, then it refuses to start, naming the variable', () => {
      const error = caught(() => loadConfig({ DATABASE_URL: 'mysql://ib:pw@db/ib' }, '/srv'));

      expect(error.message).toMatch(/TOKEN_SECRET is required when EVENT_STORE_URL or DATABASE_URL is set/);
    });

    it.each([
      [
        'EVENT_STORE_URL',
        'postgres://ib:topsecretpw@db/ib',
        /EVENT_STORE_URL must start with mysql:\/\/, mariadb:\/\/, kurrentdb:\/\/ or esdb:\/\//,
      ],
      ['DATABASE_URL', 'kurrentdb://db:2113', /DATABASE_URL must start with mysql:\/\/ or mariadb:\/\//],
      ['DATABASE_URL', 'mysql://ib:topsecretpw@db/', /DATABASE_URL must name a database/],
    ])('given %s=%s, then it refuses with one line that does not echo the password', (name, url, message) => {
      const error = caught(() => loadConfig({ ...secret, [name]: url }, '/srv'));

      expect(error.message).toMatch(message);
      expect(error.message).not.toContain('topsecretpw');
    });

    it('given DATABASE_URL without a configured secrets key, then it refuses to start, naming both variables', () => {
      const error = caught(() => loadConfig({ ...secret, DATABASE_URL: 'mysql://ib:pw@db/ib' }, '/srv'));

      expect(error.message).toMatch(/SECRETS_KEY or SECRETS_KEY_FILE is required when DATABASE_URL is set/);
      expect(
        loadConfig({ ...secret, DATABASE_URL: 'mysql://ib:pw@db/ib', SECRETS_KEY: 'k'.repeat(44) }, '/srv')
          .database,
      ).toMatchObject({ kind: 'mysql' });
    });

    it('given no INSTANCE_ID, then the instance is named by host and process', () =>
      expect(loadConfig({}, '/srv').instanceId).toMatch(new RegExp(`-${process.pid}$`)));

    it('given INSTANCE_ID, then it is used; given one with spaces, then it is refused', () => {
      expect(loadConfig({ INSTANCE_ID: 'api-a' }, '/srv').instanceId).toBe('api-a');
      expect(() => loadConfig({ INSTANCE_ID: 'api a' }, '/srv')).toThrow(/INSTANCE_ID must be/);
    });
  });

  describe('SMTP_URL and MAIL_FROM', () => {
    it('given no SMTP_URL, then mail is off', () => expect(loadConfig({}, '/srv').mail).toBeUndefined());

    it('given smtp:// with a login, then mail goes there on plain TCP (STARTTLS when offered), from the default sender', () =>
      expect(loadConfig({ SMTP_URL: 'smtp://ib%40corp:p%40ss@mail.example:2525' }, '/srv').mail).toEqual({
        host: 'mail.example',
        port: 2525,
        secure: false,
        auth: { user: 'ib@corp', password: 'p@ss' },
        from: 'Integration Builder <no-reply@localhost>',
      }));

    it('given smtps:// without a port or login, then TLS on 465 without AUTH', () =>
      expect(loadConfig({ SMTP_URL: 'smtps://mail.example' }, '/srv').mail).toEqual({
        host: 'mail.example',
        port: 465,
        secure: true,
        from: 'Integration Builder <no-reply@localhost>',
      }));

    it('given smtp:// without a port, then the submission port 587', () =>
      expect(loadConfig({ SMTP_URL: 'smtp://relay.internal/' }, '/srv').mail).toMatchObject({ port: 587 }));

    it.each(['ops@ib.example', 'Integration Builder <ops@ib.example>', '"IB, ops" <ops@ib.example>'])(
      'given MAIL_FROM=%s, then it is the sender',
      (from) =>
        expect(loadConfig({ SMTP_URL: 'smtp://mail.example', MAIL_FROM: from }, '/srv').mail?.from).toBe(
          from,
        ),
    );

    it.each([
      ['http://ib:topsecretpw@mail.example', /SMTP_URL must start with smtp:\/\/ or smtps:\/\//],
      ['mail.example:25', /SMTP_URL must start with smtp:\/\/ or smtps:\/\//],
      ['smtp://ib:topsecretpw@mail example', /SMTP_URL is not a valid URL/],
      ['smtp://ib:topsecretpw@mail.example:99999', /SMTP_URL is not a valid URL/],
      ['smtp://ib:topsecretpw@mail.example?tls=off', /SMTP_URL takes no path, query or fragment/],
      ['smtp://ib@mail.example', /SMTP_URL must give both a user and a password, or neither/],
    ])('given SMTP_URL=%s, then the start stops naming the variable, never the password', (url, message) => {
      const error = caught(() => loadConfig({ SMTP_URL: url }, '/srv'));

      expect(error).toBeInstanceOf(ConfigError);
      expect(error.message).toMatch(message);
      expect(error.message).not.toContain('topsecretpw');
    });

    it.each([
      'no-reply',
      'Integration Builder',
      'IB <no-reply>',
      'a@b.example, c@d.example',
      'IB <a@b.example>\r\nBcc: x@y.example',
    ])('given MAIL_FROM=%j, then the start stops naming the variable', (from) => {
      const error = caught(() => loadConfig({ SMTP_URL: 'smtp://mail.example', MAIL_FROM: from }, '/srv'));

      expect(error).toBeInstanceOf(ConfigError);
      expect(error.message).toMatch(/MAIL_FROM must be an address/);
    });
  });

  describe('PUBLIC_URL', () => {
    it('given none, then links point at this process on localhost', () =>
      expect(loadConfig({ PORT: '8080' }, '/srv').publicUrl).toBe('http://localhost:8080'));

    it.each([
      ['https://ib.example.com/', 'https://ib.example.com'],
      ['https://ib.example.com/console//', 'https://ib.example.com/console'],
      ['http://10.0.0.5:3000', 'http://10.0.0.5:3000'],
    ])('given %s, then links start with %s', (url, base) =>
      expect(loadConfig({ PUBLIC_URL: url }, '/srv').publicUrl).toBe(base),
    );

    it.each([
      ['ftp://ib.example.com', /PUBLIC_URL must be an http:\/\/ or https:\/\/ URL/],
      ['ib.example.com', /PUBLIC_URL must be an http:\/\/ or https:\/\/ URL/],
      ['https://ib.example.com/?from=mail', /PUBLIC_URL takes no user, password, query or fragment/],
      ['https://admin:pw@ib.example.com', /PUBLIC_URL takes no user, password, query or fragment/],
    ])('given %s, then the start stops naming the variable', (url, message) => {
      const error = caught(() => loadConfig({ PUBLIC_URL: url }, '/srv'));

      expect(error).toBeInstanceOf(ConfigError);
      expect(error.message).toMatch(message);
    });
  });

  describe('KAFKA_*', () => {
    it('given no KAFKA_BROKERS, then there is no event feed', () =>
      expect(loadConfig({ KAFKA_TOPIC: 'ignored' }, '/srv').eventFeed).toBeUndefined());

    it('given KAFKA_BROKERS only, then the feed goes to the default topic with 3 partitions, plain TCP, named by the instance', () =>
      expect(
        loadConfig({ KAFKA_BROKERS: 'k1:9092, k2:9092', INSTANCE_ID: 'api-a' }, '/srv').eventFeed,
      ).toEqual({
        brokers: ['k1:9092', 'k2:9092'],
        topic: 'integration-builder.events',
        clientId: 'integration-builder-api-a',
        partitions: 3,
        ssl: false,
      }));

    it('given every setting, then each is used, the SASL password included', () =>
      expect(
        loadConfig(
          {
            KAFKA_BROKERS: 'kafka.example:9093',
            KAFKA_TOPIC: 'ib.events',
            KAFKA_CLIENT_ID: 'ib-prod',
            KAFKA_TOPIC_PARTITIONS: '12',
            KAFKA_SSL: 'true',
            KAFKA_SASL_MECHANISM: 'scram-sha-512',
            KAFKA_SASL_USERNAME: 'ib',
            KAFKA_SASL_PASSWORD: 'sasl-secret',
          },
          '/srv',
        ).eventFeed,
      ).toEqual({
        brokers: ['kafka.example:9093'],
        topic: 'ib.events',
        clientId: 'ib-prod',
        partitions: 12,
        ssl: true,
        sasl: { mechanism: 'scram-sha-512', username: 'ib', password: 'sasl-secret' },
      }));

    it.each([
      [{ KAFKA_BROKERS: 'kafka.example' }, /KAFKA_BROKERS must be/],
      [{ KAFKA_BROKERS: 'k:9092', KAFKA_TOPIC: 'bad/topic' }, /KAFKA_TOPIC must be/],
      [{ KAFKA_BROKERS: 'k:9092', KAFKA_TOPIC_PARTITIONS: '0' }, /KAFKA_TOPIC_PARTITIONS must be/],
      [{ KAFKA_BROKERS: 'k:9092', KAFKA_SSL: 'yes' }, /KAFKA_SSL must be/],
      [{ KAFKA_BROKERS: 'k:9092', KAFKA_SASL_MECHANISM: 'gssapi' }, /KAFKA_SASL_MECHANISM must be/],
      [
        { KAFKA_BROKERS: 'k:9092', KAFKA_SASL_MECHANISM: 'plain' },
        /KAFKA_SASL_USERNAME and KAFKA_SASL_PASSWORD/,
      ],
    ])('given the malformed %j, then the start stops naming the variable', (env, message) => {
      const error = caught(() => loadConfig(env, '/srv'));
      expect(error).toBeInstanceOf(ConfigError);
      expect(error.message).toMatch(message);
    });

    it('given a refused SASL setting, then the message never shows the password', () => {
      const error = caught(() =>
        loadConfig(
          { KAFKA_BROKERS: 'k:9092', KAFKA_SASL_MECHANISM: 'nope', KAFKA_SASL_PASSWORD: 'sasl-secret' },
          '/srv',
        ),
      );
      expect(error.message).not.toContain('sasl-secret');
    });
  });
});
