import { type ColumnInfo, type TableInfo, type TableSummary } from '../spi';
import { mapODataType } from './map-odata-type';
import { type EdmEntitySet, type EdmProperty, type ODataServiceModel } from './read-edmx';

/** What a default computed by the service reads as (it has no literal). */
export const COMPUTED_DEFAULT = 'computed by the service';

/** The one "database" of a service: the namespace of its entity container (`ShopService`). */
export const serviceNameOf = (model: ODataServiceModel): string => {
  const dot = model.container.lastIndexOf('.');
  return dot < 0 ? model.container : model.container.slice(0, dot);
};

/**
 * An entity set is read-only (kind 'view') when its capabilities allow no create, update nor delete;
 * one without a key is read-only too (its rows cannot be addressed), as a table without a primary key.
 */
export function mapEntitySetSummary(service: string, set: EdmEntitySet): TableSummary {
  const readOnly = !set.insertable && !set.updatable && !set.deletable;
  return {
    schema: service,
    name: set.name,
    kind: readOnly ? 'view' : 'table',
    ...(set.summary === undefined ? {} : { comment: set.summary }),
  };
}

export function mapEntitySet(model: ODataServiceModel, set: EdmEntitySet): TableInfo {
  const service = serviceNameOf(model);
  return {
    ...mapEntitySetSummary(service, set),
    columns: set.properties.map((property) =>
      mapProperty(property, set.key.includes(property.name), model, set.key.length === 1),
    ),
    primaryKey: [...set.key],
    foreignKeys: set.relations.map((relation) => ({
      name: relation.name,
      columns: [...relation.columns],
      referencedTable: relation.referencedEntitySet,
      referencedColumns: [...relation.referencedColumns],
    })),
    indexes: [],
  };
}

/**
 * A property as a column. A key the service computes is auto-increment: a create may leave it out and
 * learns it from the answer. So is a sole Guid key: services generate those (Dataverse declares no
 * Core.Computed on its ids, yet fills them; CAP's UUID keys say Core.ComputedDefaultValue). A type the connector cannot map is listed, read as
 * JSON and never written (`unsupported`, `generated`), so describing a service never fails on it.
 */
export function mapProperty(
  property: EdmProperty,
  key: boolean,
  model: Pick<ODataServiceModel, 'enumTypes'>,
  soleKey = false,
): ColumnInfo {
  const { unsupported, ...mapping } = mapODataType(property, model.enumTypes);
  const computedKey =
    key && (property.computed || property.computedDefault || (soleKey && property.type === 'Edm.Guid'));
  const generated = (!key && property.computed) || unsupported === true;
  const defaultValue =
    property.defaultValue ?? (!key && property.computedDefault ? COMPUTED_DEFAULT : undefined);
  return {
    name: property.name,
    nativeType: property.type,
    ...mapping,
    nullable: key ? false : property.nullable,
    autoIncrement: computedKey,
    ...(defaultValue === undefined ? {} : { defaultValue }),
    ...(property.defaultValue === undefined && defaultValue !== undefined
      ? { defaultIsExpression: true }
      : {}),
    ...(generated ? { generated: true } : {}),
    ...(unsupported ? { unsupported: true } : {}),
  };
}
