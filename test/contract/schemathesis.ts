import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** The venv scripts/ensure-schemathesis.sh builds (npm's test:e2e and test:int scripts run it first). */
export const SCHEMATHESIS = resolve(__dirname, '../../.services/schemathesis/venv/bin/schemathesis');

export type SchemathesisCheck =
  | 'not_a_server_error'
  | 'status_code_conformance'
  | 'content_type_conformance'
  | 'response_headers_conformance'
  | 'response_schema_conformance'
  | 'negative_data_rejection'
  | 'positive_data_acceptance'
  | 'missing_required_header'
  | 'unsupported_method'
  | 'allow_header_conformance'
  | 'use_after_free'
  | 'ensure_resource_availability'
  | 'ignored_auth'
  | 'object_level_authorization';

/** The checks that judge answers against the document: any 5xx, or a status, type, header or body it does not declare. */
export const CONFORMANCE_CHECKS: readonly SchemathesisCheck[] = [
  'not_a_server_error',
  'status_code_conformance',
  'content_type_conformance',
  'response_headers_conformance',
  'response_schema_conformance',
];

/**
 * Every check that applies to an API whose document declares all its answers: conformance, bad
 * data refused and good data accepted, authentication not ignored, deleted rows gone, created ones
 * there. `unsupported_method` and `allow_header_conformance` (405 with `Allow` for every route) are
 * left to the HTTP layer's own spec: an entity route serves every method its most capable entity
 * has, so `Allow` cannot list a view's methods alone.
 */
export const ALL_CHECKS: readonly SchemathesisCheck[] = [
  ...CONFORMANCE_CHECKS,
  'negative_data_rejection',
  'positive_data_acceptance',
  'missing_required_header',
  'ignored_auth',
  'use_after_free',
  'ensure_resource_availability',
];

export type SchemathesisOptions = Readonly<{
  /** The OpenAPI document: a URL, or a file (then `baseUrl` is required). */
  schema: string;
  /** Where the API answers, e.g. `http://127.0.0.1:41234`. */
  baseUrl?: string;
  headers?: Readonly<Record<string, string>>;
  /**
   * Fixed parameter values, e.g. `{ 'path.env': 'development' }` (schemathesis.toml's `[parameters]`):
   * a parameter the document leaves open but only one value of which reaches the code under test.
   */
  parameters?: Readonly<Record<string, string | number | boolean>>;
  /** Cases per operation and phase. */
  maxExamples: number;
  checks: readonly SchemathesisCheck[];
  phases?: readonly ('examples' | 'coverage' | 'fuzzing' | 'stateful')[];
  mode?: 'positive' | 'negative' | 'all';
  workers?: number;
  seed?: number;
  /** Per request, seconds. */
  requestTimeout?: number;
  /** Time budget of schemathesis itself, seconds (`--max-time`). */
  maxTime?: number;
  /**
   * Also generate the document's security parameters (an Authorization header next to the given
   * X-API-Key, ...): off by default, since those cases only reach the authenticator.
   */
  securityParameters?: boolean;
  /** Go on after the first failure of an operation (finds every kind at once, takes longer). */
  continueOnFailure?: boolean;
  /** The whole run is killed after this long (the jest test fails with what was printed). */
  killAfterMs?: number;
  /** Operations left out, by operationId (one that ends the run's own session, say). */
  excludeOperationIds?: readonly string[];
}>;

/** One kind of failure, as schemathesis groups them (`Server error`, `Response violates schema` ...). */
export type SchemathesisFailure = Readonly<{
  title: string;
  code: string;
  count: number;
  operations: readonly string[];
}>;

export type SchemathesisResult = Readonly<{
  exitCode: number;
  /** What schemathesis printed: its summary, and each failure with a curl line to reproduce it. */
  output: string;
  casesGenerated: number;
  casesWithFailures: number;
  failures: readonly SchemathesisFailure[];
  errors: readonly Readonly<{ title: string; count: number }>[];
  seconds: number;
}>;

type JsonReport = {
  running_time: number;
  test_cases: { generated: number; with_failures: number };
  failures: SchemathesisFailure[];
  errors: { title: string; count: number }[];
};

const tomlValue = (value: string | number | boolean) =>
  typeof value === 'string' ? JSON.stringify(value) : String(value);

const EVERY_CHECK: readonly SchemathesisCheck[] = [
  ...ALL_CHECKS,
  'unsupported_method',
  'allow_header_conformance',
  'object_level_authorization',
];

/**
 * schemathesis.toml for the run. The checks are chosen here rather than with `--checks`, which
 * would override the stateful phase's own choice: a stateful step fills the key from an earlier
 * answer (a link), yet schemathesis 4 may still count the step as negative and expect it refused,
 * so negative_data_rejection does not judge scenarios.
 */
function configText(options: SchemathesisOptions): string {
  const parameters = Object.entries(options.parameters ?? {});
  return [
    '[generation]',
    `with-security-parameters = ${tomlValue(options.securityParameters ?? false)}`,
    'database = "none"',
    '[checks]',
    ...EVERY_CHECK.map((check) => `${check}.enabled = ${tomlValue(options.checks.includes(check))}`),
    '[phases.stateful.checks]',
    'negative_data_rejection.enabled = false',
    ...(parameters.length === 0 ? [] : ['[parameters]']),
    ...parameters.map(([name, value]) => `${JSON.stringify(name)} = ${tomlValue(value)}`),
    '',
  ].join('\n');
}

/**
 * Runs `schemathesis run` (in a child process: the API under test usually answers from this very
 * process, whose event loop must stay free) and reads its JSON report. Nothing is written into the
 * working tree: the config, report and example database live in a temporary folder.
 */
export async function runSchemathesis(options: SchemathesisOptions): Promise<SchemathesisResult> {
  if (!existsSync(SCHEMATHESIS))
    throw new Error(`${SCHEMATHESIS} is missing: run \`bash scripts/ensure-schemathesis.sh\` first`);
  const work = mkdtempSync(join(tmpdir(), 'ib-schemathesis-'));
  try {
    const config = join(work, 'schemathesis.toml');
    writeFileSync(config, configText(options));
    const report = join(work, 'report.json');
    const args = [
      '--config-file',
      config,
      'run',
      options.schema,
      ...(options.baseUrl ? ['--url', options.baseUrl] : []),
      ...Object.entries(options.headers ?? {}).flatMap(([name, value]) => ['--header', `${name}: ${value}`]),
      '--max-examples',
      String(options.maxExamples),
      // One worker by default: with several threads, CPython 3.11's ast.parse (hypothesis describing
      // its strategies) fails now and then with "AST constructor recursion depth mismatch".
      '--workers',
      String(options.workers ?? 1),
      '--mode',
      options.mode ?? 'all',
      ...(options.phases ? ['--phases', options.phases.join(',')] : []),
      ...(options.seed !== undefined ? ['--seed', String(options.seed)] : []),
      ...(options.maxTime !== undefined ? ['--max-time', String(options.maxTime)] : []),
      ...(options.continueOnFailure ? ['--continue-on-failure'] : []),
      ...(options.excludeOperationIds ?? []).flatMap((id) => ['--exclude-operation-id', id]),
      '--request-timeout',
      String(options.requestTimeout ?? 10),
      '--report',
      'json',
      '--report-json-path',
      report,
      '--report-dir',
      work,
      '--no-color',
      '--output-truncate',
      'true',
    ];
    const { exitCode, output } = await run(SCHEMATHESIS, args, work, options.killAfterMs ?? 240_000);
    if (!existsSync(report)) throw new Error(`schemathesis wrote no report (exit ${exitCode}):\n${output}`);
    const parsed = JSON.parse(readFileSync(report, 'utf8')) as JsonReport;
    return {
      exitCode,
      output,
      casesGenerated: parsed.test_cases.generated,
      casesWithFailures: parsed.test_cases.with_failures,
      failures: parsed.failures,
      errors: parsed.errors,
      seconds: parsed.running_time,
    };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** One line per failure kind: `Response violates schema x3 (GET /api/data/...)`. */
export const describeFailures = (result: SchemathesisResult): string[] => [
  ...result.failures.map(({ title, count, operations }) => `${title} x${count} (${operations.join(', ')})`),
  ...result.errors.map(({ title, count }) => `error: ${title} x${count}`),
];

function run(
  command: string,
  args: readonly string[],
  cwd: string,
  killAfterMs: number,
): Promise<{ exitCode: number; output: string }> {
  return new Promise((done, fail) => {
    const child = spawn(command, args, {
      cwd,
      env: {
        ...process.env,
        NO_COLOR: '1',
        COLUMNS: '160',
        SCHEMATHESIS_HOOKS: 'schemathesis_hooks',
        PYTHONPATH: __dirname,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      fail(error);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (signal !== null)
        fail(new Error(`schemathesis was stopped (${signal}) after ${killAfterMs} ms:\n${output}`));
      else done({ exitCode: code ?? 1, output });
    });
  });
}
