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
});
