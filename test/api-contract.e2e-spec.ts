import { startTestApp, type TestApp } from './support/test-app';

type Schema = Readonly<Record<string, unknown>>;
type MediaType = Readonly<{ schema?: Schema }>;
type Response = Readonly<{ content?: Readonly<Record<string, MediaType>> }>;
type Parameter = Readonly<{ name: string; in: string; required?: boolean }>;
type Operation = Readonly<{
  responses?: Readonly<Record<string, Response>>;
  parameters?: readonly Parameter[];
  security?: readonly unknown[];
}>;
type Document = Readonly<{
  paths: Readonly<Record<string, Readonly<Record<string, Operation>>>>;
  components?: Readonly<{ schemas?: Readonly<Record<string, Schema>> }>;
}>;

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'] as const;

/** Anyone may call these: logging in, and the probes of load balancers and orchestrators. */
const PUBLIC = new Set(['POST /api/auth/login', 'GET /health', 'GET /ready']);

/**
 * Operations that never succeed, by a rule of the product: the route exists so the caller is told the
 * rule (409) rather than "no such route". They document that refusal instead of an answer they never give.
 */
const ALWAYS_REFUSED = new Set(['PATCH /api/integrations/{id}/entities/{name}']);

const PROBLEM_REF = '#/components/schemas/ProblemDetails';

/** Media types of downloads, which answer bytes rather than JSON. */
const BINARY = /^application\/(zip|gzip|octet-stream|x-tar)$/;

type Named = Readonly<{ name: string; operation: Operation; path: string }>;

const operationsOf = (document: Document): Named[] =>
  Object.entries(document.paths).flatMap(([path, item]) =>
    METHODS.filter((method) => item[method] !== undefined).map((method) => ({
      name: `${method.toUpperCase()} ${path}`,
      operation: item[method] as Operation,
      path,
    })),
  );

const successes = ({ responses = {} }: Operation) =>
  Object.entries(responses).filter(([status]) => /^2\d\d$/.test(status));

/** An answer a client can be generated for: a body with a schema, no body at all, or a typed download. */
const documentsSuccess = (operation: Operation): boolean =>
  successes(operation).some(([status, { content }]) => {
    if (status === '204') return content === undefined || Object.keys(content).length === 0;
    return Object.entries(content ?? {}).some(
      ([mediaType, { schema }]) =>
        schema !== undefined &&
        (BINARY.test(mediaType) ? schema.type === 'string' && schema.format === 'binary' : true),
    );
  });

const undeclaredPathParameters = ({ path, operation }: Named): string[] => {
  const declared = new Set(
    (operation.parameters ?? [])
      .filter((parameter) => parameter.in === 'path' && parameter.required === true)
      .map((parameter) => parameter.name),
  );
  return [...path.matchAll(/\{([^}]+)\}/g)]
    .map(([, name]) => name as string)
    .filter((name) => !declared.has(name));
};

const refsIn = (value: unknown): string[] => {
  if (Array.isArray(value)) return value.flatMap(refsIn);
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, inner]) =>
    key === '$ref' && typeof inner === 'string' ? [inner] : refsIn(inner),
  );
};

describe('The API contract (/api/docs-json)', () => {
  let t: TestApp;
  let document: Document;
  let operations: Named[];

  beforeAll(async () => {
    t = await startTestApp();
    const { body } = await t.http().get('/api/docs-json').expect(200);
    document = body as Document;
    operations = operationsOf(document);
  }, 30_000);
  afterAll(() => t?.close());

  it('documents a success answer for every operation (a schema, no content for 204, or a typed download)', () => {
    const undocumented = operations
      .filter(({ name }) => !ALWAYS_REFUSED.has(name))
      .filter(({ operation }) => !documentsSuccess(operation))
      .map(({ name }) => name);

    expect(undocumented).toEqual([]);
  });

  it('documents the refusal, and no success, of the operations the product always refuses', () => {
    const wrong = operations
      .filter(({ name }) => ALWAYS_REFUSED.has(name))
      .filter(({ operation }) => successes(operation).length > 0 || !operation.responses?.['409'])
      .map(({ name }) => name);

    expect(operations.filter(({ name }) => ALWAYS_REFUSED.has(name))).toHaveLength(ALWAYS_REFUSED.size);
    expect(wrong).toEqual([]);
  });

  it('declares every parameter of a path template as a required path parameter', () => {
    const undeclared = operations.flatMap((named) =>
      undeclaredPathParameters(named).map((parameter) => `${named.name}: {${parameter}}`),
    );

    expect(undeclared).toEqual([]);
  });

  it('answers any other error of every operation as problem details (`default`)', () => {
    const withoutDefault = operations
      .filter(
        ({ operation }) =>
          operation.responses?.default?.content?.['application/problem+json']?.schema?.$ref !== PROBLEM_REF,
      )
      .map(({ name }) => name);

    expect(withoutDefault).toEqual([]);
  });

  it('states the credentials of every operation but the public ones, and none for those', () => {
    const unsecured = operations
      .filter(({ name }) => !PUBLIC.has(name))
      .filter(({ operation }) => (operation.security?.length ?? 0) === 0)
      .map(({ name }) => name);
    const securedPublic = operations
      .filter(({ name }) => PUBLIC.has(name))
      .filter(({ operation }) => (operation.security?.length ?? 0) > 0)
      .map(({ name }) => name);

    expect(unsecured).toEqual([]);
    expect(securedPublic).toEqual([]);
    expect(operations.filter(({ name }) => PUBLIC.has(name))).toHaveLength(PUBLIC.size);
  });

  it('resolves every schema reference of the document', () => {
    const schemas = document.components?.schemas ?? {};
    const dangling = [...new Set(refsIn(document.paths).concat(refsIn(schemas)))].filter(
      (ref) => !(ref.startsWith('#/components/schemas/') && ref.slice(21) in schemas),
    );

    expect(dangling).toEqual([]);
  });
});
