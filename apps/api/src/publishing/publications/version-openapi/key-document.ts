import { collectionPath } from '../package';

type Json = Record<string, unknown>;

const SCHEMA_REF = '#/components/schemas/';

/** The component schemas `value` refers to, at any depth. */
const schemaRefsIn = (value: unknown, found: Set<string>): Set<string> => {
  if (Array.isArray(value)) for (const item of value) schemaRefsIn(item, found);
  else if (typeof value === 'object' && value !== null)
    for (const [name, member] of Object.entries(value)) {
      if (name === '$ref' && typeof member === 'string' && member.startsWith(SCHEMA_REF))
        found.add(member.slice(SCHEMA_REF.length));
      else schemaRefsIn(member, found);
    }
  return found;
};

/** The methods that change data: a read-only key is refused them, so its document leaves them out. */
const WRITES = new Set(['post', 'put', 'patch', 'delete']);
const METHODS = new Set(['get', 'head', 'options', 'trace', ...WRITES]);

/** What an app key opens of a version: some entities only (undefined: all), and reads only. */
export type KeyView = Readonly<{ entities?: readonly string[]; readOnly?: boolean }>;

const readsOf = (item: Json): Json =>
  Object.fromEntries(Object.entries(item).filter(([method]) => !WRITES.has(method)));

const hasOperation = (item: Json): boolean => Object.keys(item).some((method) => METHODS.has(method));

/**
 * A version's OpenAPI document as an app key sees it: with `entities`, only theirs (the other
 * entities' paths, their tags); with `readOnly`, only the operations that read. The schemas nothing
 * kept refers to any more are left out too, so a key is shown neither the operations it would be
 * refused nor the columns of the entities closed to it. Everything else (info, security, shared
 * parameters and responses) is the document as published.
 */
export function documentForKey(
  document: Json,
  integrationId: string,
  { entities, readOnly = false }: KeyView,
): Json {
  const bases = entities?.map((entity) => collectionPath(integrationId, entity));
  const opened = (path: string) =>
    bases === undefined || bases.some((base) => path === base || path.startsWith(`${base}/`));
  const paths = Object.fromEntries(
    Object.entries((document.paths as Record<string, Json> | undefined) ?? {})
      .filter(([path]) => opened(path))
      .map(([path, item]) => [path, readOnly ? readsOf(item) : item] as const)
      .filter(([, item]) => hasOperation(item)),
  );
  const components = (document.components as Json | undefined) ?? {};
  const schemas = (components.schemas as Json | undefined) ?? {};
  // Reached from what is kept, then from the schemas reached, until nothing new turns up.
  const reached = schemaRefsIn({ ...components, schemas: undefined, paths }, new Set());
  for (let grown = true; grown;) {
    const before = reached.size;
    for (const name of [...reached]) schemaRefsIn(schemas[name], reached);
    grown = reached.size > before;
  }
  const tags = document.tags as readonly Json[] | undefined;
  return {
    ...document,
    ...(tags === undefined || entities === undefined
      ? {}
      : { tags: tags.filter(({ name }) => entities.includes(String(name))) }),
    paths,
    components: {
      ...components,
      schemas: Object.fromEntries(Object.entries(schemas).filter(([name]) => reached.has(name))),
    },
  };
}
