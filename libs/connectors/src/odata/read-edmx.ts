import { childrenNamed, parseXml, XmlSyntaxError, type XmlElement } from './parse-xml';

export type ODataVersion = 'v2' | 'v4';

/** One property of an entity type as `$metadata` declares it (facets as written, names resolved). */
export type EdmProperty = Readonly<{
  name: string;
  /** `Edm.String`, `Collection(Edm.Int32)` or a qualified complex/enum type name. */
  type: string;
  nullable: boolean;
  maxLength?: number;
  precision?: number;
  scale?: number;
  defaultValue?: string;
  /** The service computes it (v4 Core.Computed, SAP `sap:creatable="false" sap:updatable="false"`). */
  computed: boolean;
  /** The service fills it when a create leaves it out (v4 Core.ComputedDefaultValue). */
  computedDefault: boolean;
  /** SAP v2 `sap:display-format="Date"`: an Edm.DateTime that holds a date. */
  displayFormat?: string;
}>;

/** A navigation property whose referential constraint names the foreign key properties. */
export type EdmRelation = Readonly<{
  name: string;
  columns: readonly string[];
  referencedEntitySet: string;
  referencedColumns: readonly string[];
}>;

export type EdmEntitySet = Readonly<{
  name: string;
  entityType: string;
  properties: readonly EdmProperty[];
  /** Key property names in declaration order; empty when the type has none. */
  key: readonly string[];
  relations: readonly EdmRelation[];
  insertable: boolean;
  updatable: boolean;
  deletable: boolean;
  summary?: string;
}>;

export type ODataServiceModel = Readonly<{
  version: ODataVersion;
  /** The entity container's namespace-qualified name (`ShopService.EntityContainer`). */
  container: string;
  entitySets: readonly EdmEntitySet[];
  /** v4 enumeration types by qualified name, with their members. */
  enumTypes: ReadonlyMap<string, readonly string[]>;
}>;

/** A `$metadata` answer that is not an EDMX document the connector can read. */
export class EdmxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EdmxError';
  }
}

type Schema = Readonly<{ namespace: string; alias?: string; element: XmlElement }>;
type Annotations = Map<string, XmlElement[]>;

/**
 * Reads a v2 (EDMX 1.0, SAP Gateway style) or v4 (EDMX 4.0, CAP, Dataverse) `$metadata` document into
 * the entity sets the connector offers. Pure: the document in, the model out; throws EdmxError when
 * the text is not EDMX.
 */
export function readEdmx(text: string): ODataServiceModel {
  let root: XmlElement;
  try {
    root = parseXml(text);
  } catch (error) {
    if (error instanceof XmlSyntaxError) throw new EdmxError(`$metadata is not XML: ${error.message}`);
    throw error;
  }
  if (root.name !== 'Edmx') throw new EdmxError(`$metadata is not an EDMX document (root <${root.name}>)`);
  const version: ODataVersion = root.attributes.Version?.startsWith('4') ? 'v4' : 'v2';
  const services = childrenNamed(root, 'DataServices')[0];
  if (!services) throw new EdmxError('$metadata has no DataServices');
  const schemas: Schema[] = childrenNamed(services, 'Schema').map((element) => ({
    namespace: element.attributes.Namespace ?? '',
    alias: element.attributes.Alias,
    element,
  }));
  const aliases = new Map<string, string>();
  for (const schema of schemas) if (schema.alias) aliases.set(schema.alias, schema.namespace);
  for (const reference of childrenNamed(root, 'Reference')) {
    for (const include of childrenNamed(reference, 'Include')) {
      if (include.attributes.Alias) aliases.set(include.attributes.Alias, include.attributes.Namespace ?? '');
    }
  }
  const resolve = (name: string): string => {
    const collection = /^Collection\((.*)\)$/.exec(name);
    if (collection) return `Collection(${resolve(collection[1])})`;
    const dot = name.lastIndexOf('.');
    if (dot < 0) return name;
    const namespace = aliases.get(name.slice(0, dot));
    return namespace === undefined ? name : `${namespace}.${name.slice(dot + 1)}`;
  };

  const entityTypes = new Map<string, XmlElement>();
  const enumTypes = new Map<string, readonly string[]>();
  const associations = new Map<string, XmlElement>();
  const annotations: Annotations = new Map();
  let container: { qualified: string; element: XmlElement } | undefined;
  for (const { namespace, element } of schemas) {
    for (const child of element.children) {
      const qualified = `${namespace}.${child.attributes.Name ?? ''}`;
      if (child.name === 'EntityType') entityTypes.set(qualified, child);
      else if (child.name === 'EnumType')
        enumTypes.set(
          qualified,
          childrenNamed(child, 'Member').map((member) => member.attributes.Name ?? ''),
        );
      else if (child.name === 'Association') associations.set(qualified, child);
      else if (child.name === 'Annotations' && child.attributes.Target) {
        const target = resolveTarget(child.attributes.Target, resolve);
        annotations.set(target, [...(annotations.get(target) ?? []), ...childrenNamed(child, 'Annotation')]);
      } else if (
        child.name === 'EntityContainer' &&
        (!container || child.attributes['m:IsDefaultEntityContainer'] === 'true')
      )
        container = { qualified, element: child };
    }
  }
  if (!container) throw new EdmxError('$metadata declares no entity container');

  const sets = childrenNamed(container.element, 'EntitySet');
  const setOfType = new Map<string, string>();
  for (const set of sets) {
    const type = resolve(set.attributes.EntityType ?? '');
    if (!setOfType.has(type)) setOfType.set(type, set.attributes.Name ?? '');
  }
  const associationSets = childrenNamed(container.element, 'AssociationSet');
  const { qualified: containerName } = container;

  const entitySets = sets.map((set): EdmEntitySet => {
    const name = set.attributes.Name ?? '';
    const typeName = resolve(set.attributes.EntityType ?? '');
    const chain = typeChain(typeName, entityTypes, resolve);
    if (chain.length === 0) throw new EdmxError(`Entity set ${name} has an unknown type ${typeName}`);
    const key = chain.map((type) => keyOf(type)).find((names) => names.length > 0) ?? [];
    const properties = chain
      .slice()
      .reverse()
      .flatMap(({ element, qualified }) =>
        childrenNamed(element, 'Property').map((property) =>
          readProperty(property, resolve, annotations.get(`${qualified}/${property.attributes.Name}`) ?? []),
        ),
      );
    const bindings = new Map(
      childrenNamed(set, 'NavigationPropertyBinding').map((binding) => [
        binding.attributes.Path ?? '',
        lastSegment(binding.attributes.Target ?? ''),
      ]),
    );
    const relations = chain.flatMap(({ element }) =>
      childrenNamed(element, 'NavigationProperty').flatMap((navigation) =>
        version === 'v4'
          ? v4Relation(navigation, bindings, setOfType, resolve)
          : v2Relation(navigation, name, associations, associationSets, setOfType, resolve),
      ),
    );
    const setAnnotations = [
      ...childrenNamed(set, 'Annotation'),
      ...(annotations.get(`${containerName}/${name}`) ?? []),
    ];
    const summary = documentation(chain[0].element);
    return {
      name,
      entityType: typeName,
      properties,
      key,
      relations,
      insertable: allowed(set, 'sap:creatable', setAnnotations, 'InsertRestrictions', 'Insertable'),
      updatable: allowed(set, 'sap:updatable', setAnnotations, 'UpdateRestrictions', 'Updatable'),
      deletable: allowed(set, 'sap:deletable', setAnnotations, 'DeleteRestrictions', 'Deletable'),
      ...(summary === undefined ? {} : { summary }),
    };
  });
  return { version, container: containerName, entitySets, enumTypes };
}

/** The entity type and its base types, most derived first (Dataverse's types derive from crmbaseentity). */
function typeChain(
  typeName: string,
  entityTypes: ReadonlyMap<string, XmlElement>,
  resolve: (name: string) => string,
): { qualified: string; element: XmlElement }[] {
  const chain: { qualified: string; element: XmlElement }[] = [];
  let qualified: string | undefined = typeName;
  while (qualified !== undefined && chain.length < 32) {
    const element = entityTypes.get(qualified);
    if (!element) break;
    chain.push({ qualified, element });
    qualified = element.attributes.BaseType === undefined ? undefined : resolve(element.attributes.BaseType);
  }
  return chain;
}

const keyOf = ({ element }: { element: XmlElement }): string[] =>
  childrenNamed(element, 'Key').flatMap((key) =>
    childrenNamed(key, 'PropertyRef').map((ref) => ref.attributes.Name ?? ''),
  );

function readProperty(
  property: XmlElement,
  resolve: (name: string) => string,
  annotations: readonly XmlElement[],
): EdmProperty {
  const { attributes } = property;
  const all = [...childrenNamed(property, 'Annotation'), ...annotations];
  const sapComputed = attributes['sap:creatable'] === 'false' && attributes['sap:updatable'] === 'false';
  const maxLength = wholeNumber(attributes.MaxLength);
  const precision = wholeNumber(attributes.Precision);
  const scale = wholeNumber(attributes.Scale);
  return {
    name: attributes.Name ?? '',
    type: resolve(attributes.Type ?? ''),
    nullable: attributes.Nullable !== 'false',
    ...(maxLength === undefined ? {} : { maxLength }),
    ...(precision === undefined ? {} : { precision }),
    ...(scale === undefined ? {} : { scale }),
    ...(attributes.DefaultValue === undefined ? {} : { defaultValue: attributes.DefaultValue }),
    computed: sapComputed || isTrue(all, 'Computed'),
    computedDefault: isTrue(all, 'ComputedDefaultValue'),
    ...(attributes['sap:display-format'] === undefined
      ? {}
      : { displayFormat: attributes['sap:display-format'] }),
  };
}

function v4Relation(
  navigation: XmlElement,
  bindings: ReadonlyMap<string, string>,
  setOfType: ReadonlyMap<string, string>,
  resolve: (name: string) => string,
): EdmRelation[] {
  const type = resolve(navigation.attributes.Type ?? '');
  const constraints = childrenNamed(navigation, 'ReferentialConstraint');
  if (type.startsWith('Collection(') || constraints.length === 0) return [];
  const name = navigation.attributes.Name ?? '';
  const target = bindings.get(name) ?? setOfType.get(type);
  if (target === undefined) return [];
  return [
    {
      name,
      columns: constraints.map((constraint) => constraint.attributes.Property ?? ''),
      referencedEntitySet: target,
      referencedColumns: constraints.map((constraint) => constraint.attributes.ReferencedProperty ?? ''),
    },
  ];
}

/** v2: the association's referential constraint, when this entity set plays its dependent role. */
function v2Relation(
  navigation: XmlElement,
  setName: string,
  associations: ReadonlyMap<string, XmlElement>,
  associationSets: readonly XmlElement[],
  setOfType: ReadonlyMap<string, string>,
  resolve: (name: string) => string,
): EdmRelation[] {
  const relationship = resolve(navigation.attributes.Relationship ?? '');
  const association = associations.get(relationship);
  const constraint = association && childrenNamed(association, 'ReferentialConstraint')[0];
  if (!association || !constraint) return [];
  const principal = childrenNamed(constraint, 'Principal')[0];
  const dependent = childrenNamed(constraint, 'Dependent')[0];
  if (!principal || !dependent) return [];
  if (dependent.attributes.Role !== navigation.attributes.FromRole) return [];
  if (principal.attributes.Role !== navigation.attributes.ToRole) return [];
  const refs = (element: XmlElement) =>
    childrenNamed(element, 'PropertyRef').map((ref) => ref.attributes.Name ?? '');
  const associationSet = associationSets.find(
    (candidate) =>
      resolve(candidate.attributes.Association ?? '') === relationship &&
      childrenNamed(candidate, 'End').some(
        (end) => end.attributes.Role === dependent.attributes.Role && end.attributes.EntitySet === setName,
      ),
  );
  const principalEnd = associationSet
    ? childrenNamed(associationSet, 'End').find((end) => end.attributes.Role === principal.attributes.Role)
    : undefined;
  const principalType = childrenNamed(association, 'End').find(
    (end) => end.attributes.Role === principal.attributes.Role,
  )?.attributes.Type;
  const target =
    principalEnd?.attributes.EntitySet ??
    (principalType === undefined ? undefined : setOfType.get(resolve(principalType)));
  if (target === undefined) return [];
  return [
    {
      name: navigation.attributes.Name ?? '',
      columns: refs(dependent),
      referencedEntitySet: target,
      referencedColumns: refs(principal),
    },
  ];
}

/**
 * Whether the entity set allows a kind of change: SAP's `sap:creatable|updatable|deletable="false"`
 * (v2) or a v4 Capabilities restriction record whose flag is false.
 */
function allowed(
  set: XmlElement,
  sapAttribute: string,
  annotations: readonly XmlElement[],
  term: string,
  flag: string,
): boolean {
  if (set.attributes[sapAttribute] === 'false') return false;
  const restriction = annotations.find((annotation) => termName(annotation) === term);
  const record = restriction && childrenNamed(restriction, 'Record')[0];
  const value = record && childrenNamed(record, 'PropertyValue').find((p) => p.attributes.Property === flag);
  return value?.attributes.Bool !== 'false';
}

/** `Core.Computed` (or `Org.OData.Core.V1.Computed`) set, with no value or Bool="true". */
const isTrue = (annotations: readonly XmlElement[], term: string): boolean =>
  annotations.some(
    (annotation) =>
      termName(annotation) === term &&
      (annotation.attributes.Bool === undefined || annotation.attributes.Bool === 'true'),
  );

const termName = (annotation: XmlElement): string => lastSegment(annotation.attributes.Term ?? '');

const lastSegment = (name: string): string =>
  name
    .slice(name.lastIndexOf('.') + 1)
    .split('/')
    .pop() ?? '';

/** `Alias.Container/Set` and `Namespace.Type/Property` with the alias resolved. */
function resolveTarget(target: string, resolve: (name: string) => string): string {
  const slash = target.indexOf('/');
  return slash < 0 ? resolve(target) : `${resolve(target.slice(0, slash))}${target.slice(slash)}`;
}

function documentation(element: XmlElement): string | undefined {
  const summary = element.attributes['sap:label'];
  return summary === undefined || summary === '' ? undefined : summary;
}

function wholeNumber(text: string | undefined): number | undefined {
  if (text === undefined || !/^\d+$/.test(text)) return undefined;
  return Number(text);
}
