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

/**
 * A version's OpenAPI document with only `entities` described: the paths of the other entities,
 * their tags, and the schemas nothing kept refers to any more are left out, so an app key limited to
 * some entities of an integration is shown neither the operations it would be refused nor the columns
 * of the entities closed to it. Everything else (info, security, shared parameters and responses) is
 * the document as published.
 */
export function documentOfEntities(document: Json, integrationId: string, entities: readonly string[]): Json {
  const bases = entities.map((entity) => collectionPath(integrationId, entity));
  const paths = Object.fromEntries(
    Object.entries((document.paths as Json | undefined) ?? {}).filter(([path]) =>
      bases.some((base) => path === base || path.startsWith(`${base}/`)),
    ),
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
    ...(tags === undefined ? {} : { tags: tags.filter(({ name }) => entities.includes(String(name))) }),
    paths,
    components: {
      ...components,
      schemas: Object.fromEntries(Object.entries(schemas).filter(([name]) => reached.has(name))),
    },
  };
}
