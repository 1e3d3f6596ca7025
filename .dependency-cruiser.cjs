/**
 * Dependencies point one way: domain -> nothing; connectors -> drivers only; feed-client -> kafkajs only;
 * api -> both; console -> HTTP only.
 */

const API = '^apps/api/src/';
/**
 * The API's contexts, each with the contexts it may use (through their index.ts). Contexts are layered:
 * each uses only those listed before it, so there is never a cycle between two of them.
 */
const CONTEXTS = {
  'read-model': [],
  identity: ['read-model'],
  governance: ['read-model', 'identity'],
  connections: ['read-model', 'identity', 'governance'],
  integrations: ['read-model', 'identity', 'connections'],
  publishing: ['read-model', 'identity', 'governance', 'connections', 'integrations'],
  'data-api': ['read-model', 'identity', 'connections', 'integrations', 'publishing'],
  operations: ['read-model', 'identity'],
  'event-feed': [],
  audit: ['read-model', 'identity'],
  notifications: ['read-model', 'identity', 'governance', 'connections', 'integrations', 'audit'],
};
const anyContext = `${API}(${Object.keys(CONTEXTS).join('|')})/`;

const contextRules = [
  {
    name: 'context-through-its-face',
    severity: 'error',
    comment: 'a context is used only through its index.ts, from the other contexts and the app shell',
    from: { path: `${API}([^/]+)/` },
    to: { path: anyContext, pathNot: [`${API}$1/`, `${API}[^/]+/index\\.ts$`] },
  },
  {
    name: 'shell-tests-and-benches-through-faces',
    severity: 'error',
    comment:
      'the app shell, tests and benchmarks use a context through its index.ts (or its testing/ helpers)',
    from: { path: `^(${API}[^/]+\\.ts$|test/|bench/)` },
    to: { path: anyContext, pathNot: [`${API}[^/]+/index\\.ts$`, '/testing/'] },
  },
  {
    name: 'infrastructure-knows-no-context',
    severity: 'error',
    comment: 'infrastructure is generic: contexts use it, never the other way round',
    from: { path: `${API}infrastructure/` },
    to: { path: anyContext },
  },
  ...Object.entries(CONTEXTS).map(([context, uses]) => ({
    name: `${context}-uses-only-${uses.join('-') || 'no-context'}`,
    severity: 'error',
    comment: 'contexts are layered (see CONTEXTS): no cycle between two contexts',
    from: { path: `${API}${context}/` },
    to: {
      path: anyContext,
      pathNot: [`${API}(${[context, ...uses].join('|')})/`],
    },
  })),
  {
    name: 'nothing-below-the-app-shell-uses-it',
    severity: 'error',
    comment:
      'the app shell (apps/api/src/*.ts) composes the contexts; code in their folders, specs and testing/ helpers included, never reaches back up to it',
    from: { path: `${API}[^/]+/` },
    to: { path: `${API}[^/]+\\.ts$` },
  },
  {
    name: 'product-code-without-test-helpers',
    severity: 'error',
    comment: 'testing/ folders and *.testing.ts files serve specs and benchmarks only',
    from: { path: '^apps/', pathNot: ['\\.(spec|e2e-spec|int-spec)\\.ts$', '/testing/', '\\.testing\\.ts$'] },
    to: { path: ['/testing/', '\\.testing\\.ts$'] },
  },
];

module.exports = {
  forbidden: [
    ...contextRules,
    { name: 'no-circular', severity: 'error', from: {}, to: { circular: true } },
    {
      name: 'domain-is-pure',
      severity: 'error',
      comment: 'libs/domain imports no framework, ORM, driver, broker or node built-in I/O',
      from: { path: '^libs/domain' },
      to: { pathNot: '^libs/domain' },
    },
    {
      name: 'connectors-only-drivers',
      severity: 'error',
      from: { path: '^libs/connectors' },
      to: { path: '^(apps|libs/domain)|node_modules/(@nestjs|@mikro-orm|kafkajs)' },
    },
    {
      name: 'feed-client-stands-alone',
      severity: 'error',
      comment:
        'integrators may copy or publish libs/feed-client: it uses kafkajs and node only, no other lib and no framework',
      from: { path: '^libs/feed-client/src/(?!.*\\.(spec|int-spec)\\.ts$)' },
      to: { path: '^(apps|libs/(?!feed-client/)|test/)|node_modules/(@nestjs|@mikro-orm)' },
    },
    { name: 'libs-not-to-apps', severity: 'error', from: { path: '^libs' }, to: { path: '^apps' } },
    {
      name: 'console-http-only',
      severity: 'error',
      from: { path: '^apps/console' },
      to: { path: '^(apps/api|libs)' },
    },
    {
      name: 'api-not-to-console',
      severity: 'error',
      from: { path: '^apps/api' },
      to: { path: '^apps/console' },
    },
    {
      name: 'no-deep-lib-imports',
      severity: 'error',
      comment: 'use the public index.ts of a lib',
      from: { path: '^apps' },
      to: { path: '^libs/[^/]+/src/(?!index\\.ts$)' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    exclude: { path: '(^|/)dist/' },
  },
};
