import { IllegalStateError } from '../shared/errors';
import { type Attribute, type Entity } from '../shared/provider';
import { type FieldCheck, fieldErrors, throwIfInvalid, trimmed } from '../shared/validation';

/**
 * The marks count too: re-adding a table whose column became computed, or one added before the marks
 * were recorded, records it again so the published version refuses writes to it.
 */
const sameAttribute = (a: Attribute, b: Attribute | undefined): boolean =>
  b !== undefined &&
  a.type === b.type &&
  a.nativeType === b.nativeType &&
  a.generated === b.generated &&
  a.unsupported === b.unsupported;

const unchanged = (current: Entity, incoming: Entity): boolean =>
  current.name === incoming.name &&
  current.attributes.length === incoming.attributes.length &&
  incoming.attributes.every((attribute) =>
    sameAttribute(
      attribute,
      current.attributes.find(({ name }) => name === attribute.name),
    ),
  );

const shapeChecks = (current: readonly Entity[], incoming: readonly Entity[]): FieldCheck[] => {
  if (incoming.length === 0) return [['entities', 'must hold at least one entity']];
  return incoming.flatMap((entity, index): FieldCheck[] => {
    const name = trimmed(entity.name);
    const earlier = incoming.slice(0, index);
    const clash = current.some((other) => other.name === entity.name && other.table !== entity.table);
    return [
      [`entities[${index}].name`, name === '' ? 'is required' : undefined],
      [`entities[${index}].table`, trimmed(entity.table) === '' ? 'is required' : undefined],
      [
        `entities[${index}].name`,
        name !== '' && (clash || earlier.some((other) => other.name === entity.name))
          ? `another entity is already named ${entity.name}`
          : undefined,
      ],
      [
        `entities[${index}].table`,
        earlier.some((other) => other.table === entity.table)
          ? `table ${entity.table} is listed twice`
          : undefined,
      ],
    ];
  });
};

/** The rules a table already added must keep: its entity name and its attributes' types. */
const assertCompatible = (current: Entity, incoming: Entity): void => {
  if (current.name !== incoming.name)
    throw new IllegalStateError(
      'INTEGRATION.ENTITY_RENAME',
      `Entity ${current.name} cannot be renamed to ${incoming.name}`,
    );
  for (const attribute of incoming.attributes) {
    const before = current.attributes.find(({ name }) => name === attribute.name);
    if (before !== undefined && before.type !== attribute.type)
      throw new IllegalStateError(
        'INTEGRATION.ATTRIBUTE_TYPE_CHANGE',
        `Attribute ${current.name}.${attribute.name} cannot change type from ${before.type} to ${attribute.type}`,
      );
  }
};

/**
 * What AddEntities really changes: tables not yet added, and added tables whose columns changed
 * in a compatible way. Re-adding an unchanged table is a no-op so the wizard can be retried.
 */
export const entitiesToAdd = (
  current: readonly Entity[],
  incoming: readonly Entity[],
  published: readonly Entity[] = [],
): Entity[] => {
  throwIfInvalid(
    'INTEGRATION.INVALID',
    'The entities are invalid',
    fieldErrors(...shapeChecks(current, incoming)),
  );
  for (const entity of incoming) {
    const before = published.find(({ table }) => table === entity.table);
    if (before !== undefined) assertCompatible(before, entity);
  }
  return incoming.filter((entity) => {
    const existing = current.find(({ table }) => table === entity.table);
    if (existing === undefined) return true;
    assertCompatible(existing, entity);
    return !unchanged(existing, entity);
  });
};

/** Folds added entities in: a re-added table replaces its entity in place, new tables go last. */
export const mergeEntities = (current: readonly Entity[], added: readonly Entity[]): Entity[] => [
  ...current.map((entity) => added.find(({ table }) => table === entity.table) ?? entity),
  ...added.filter((entity) => !current.some(({ table }) => table === entity.table)),
];
