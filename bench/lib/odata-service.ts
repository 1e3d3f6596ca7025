import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The repository root, from the sources or from their build under dist/. */
function repositoryRoot(): string {
  let folder = __dirname;
  while (!existsSync(join(folder, 'test', 'fixtures', 'odata', 'package.json'))) {
    const parent = dirname(folder);
    if (parent === folder) throw new Error('test/fixtures/odata not found above the bench');
    folder = parent;
  }
  return folder;
}

export const BENCH_ODATA_USER = { username: 'alice', password: 'wonderland' } as const;

/**
 * The OData service of the specs (SAP CAP on the test fixture's CDS model, in-memory sql.js SQLite,
 * basic authentication) as a child process on a free port; see test/support/odata-server.ts.
 */
export async function startBenchODataService(): Promise<{ serviceUrl: string; stop: () => Promise<void> }> {
  const root = repositoryRoot();
  const child: ChildProcess = spawn(
    join(root, 'node_modules', '.bin', 'node'),
    [join(root, 'node_modules', '@sap', 'cds', 'bin', 'serve.js'), 'all', '--port', '0', '--in-memory'],
    {
      cwd: join(root, 'test', 'fixtures', 'odata'),
      env: { ...process.env, NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  const port = await new Promise<number>((done, fail) => {
    const read = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const match = /server listening on \{ url: 'http:\/\/[^:]+:(\d+)'/.exec(output);
      if (match) done(Number(match[1]));
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.once('exit', (code) => fail(new Error(`CAP exited with ${code}:\n${output}`)));
  });
  return {
    serviceUrl: `http://127.0.0.1:${port}/odata/v4/shop/`,
    stop: () =>
      new Promise<void>((stopped) => {
        if (child.exitCode !== null) return stopped();
        child.once('exit', () => stopped());
        child.kill('SIGTERM');
      }),
  };
}
