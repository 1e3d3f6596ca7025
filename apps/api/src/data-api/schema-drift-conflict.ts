import { type Entity, IllegalStateError, type SchemaDifference } from '@ib/domain';

/**
 * The 409 a data call on an entity gets while its table has breaking drift (instead of SQL that fails),
 * naming each difference; undefined when none of the breaking differences concerns the entity.
 */
export function schemaDriftConflict(
  entity: Entity,
  environment: string,
  differences: readonly SchemaDifference[],
): IllegalStateError | undefined {
  const breaking = differences.filter(
    (difference) => difference.breaking && difference.entity === entity.name,
  );
  if (breaking.length === 0) return undefined;
  return new IllegalStateError(
    'DATA.SCHEMA_DRIFT',
    `The database serving ${entity.name} in environment '${environment}' no longer matches the published ` +
      `version: ${breaking.map(({ message }) => message).join('; ')}`,
    breaking.map(({ table, column, kind, message }) => ({
      field: column ?? table,
      message: `${kind}: ${message}`,
    })),
  );
}
