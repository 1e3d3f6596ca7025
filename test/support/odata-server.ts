import { type ChildProcess, spawn } from 'node:child_process';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '..', '..');
const NODE = join(ROOT, 'node_modules', '.bin', 'node');
const CDS_SERVE = join(ROOT, 'node_modules', '@sap', 'cds', 'bin', 'serve.js');
/** The CDS model and data the service serves (see its package.json for the database and users). */
export const ODATA_FIXTURE = join(ROOT, 'test', 'fixtures', 'odata');
/** CAP's mocked users of the fixture. */
export const ODATA_USER = { username: 'alice', password: 'wonderland' } as const;
export const ODATA_SERVICE_PATH = '/odata/v4/shop/';
/** The same service in OData v2, served by CAP's community adapter (`@cap-js-community/odata-v2-adapter`). */
export const ODATA_V2_SERVICE_PATH = '/odata/v2/shop/';

export type ODataServer = Readonly<{
  /** The service root (`http://127.0.0.1:<port>/odata/v4/shop/`). */
  serviceUrl: string;
  /** The same service (same data) in OData v2 (`http://127.0.0.1:<port>/odata/v2/shop/`). */
  serviceUrlV2: string;
  stop(): Promise<void>;
}>;

/**
 * A real OData v4 service, and the same service in v2 through CAP's v2 adapter: SAP CAP serving the fixture's CDS model from an in-memory SQLite database
 * on sql.js (pure JavaScript), with basic authentication, as a child process on a free port. Each
 * server starts from the fixture's CSV data.
 */
export async function startODataServer(): Promise<ODataServer> {
  const child = spawn(NODE, [CDS_SERVE, 'all', '--port', '0', '--in-memory'], {
    cwd: ODATA_FIXTURE,
    env: { ...process.env, NODE_ENV: 'test', NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const port = await new Promise<number>((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`CAP did not start:\n${output}`)), 60_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const match = /server listening on \{ url: 'http:\/\/[^:]+:(\d+)'/.exec(output);
      if (match) {
        clearTimeout(timer);
        done(Number(match[1]));
      }
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.once('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`CAP exited with ${code}:\n${output}`));
    });
  });
  return {
    serviceUrl: `http://127.0.0.1:${port}${ODATA_SERVICE_PATH}`,
    serviceUrlV2: `http://127.0.0.1:${port}${ODATA_V2_SERVICE_PATH}`,
    stop: () => stop(child),
  };
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((done) => {
    child.once('exit', () => done());
    child.kill('SIGTERM');
  });
}
