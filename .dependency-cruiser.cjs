/** Dependencies point one way: domain -> nothing; connectors -> drivers only; api -> both; console -> HTTP only. */
module.exports = {
  forbidden: [
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
