/** Database providers an integration can target; a connection serves exactly one. */
export const PROVIDERS = ['sqlite', 'mysql', 'mssql', 'postgres', 'oracle', 'odata'] as const;
export type Provider = (typeof PROVIDERS)[number];

export const isProvider = (value: unknown): value is Provider =>
  typeof value === 'string' && (PROVIDERS as readonly string[]).includes(value);

/**
 * Providers whose services publish a specification (OData's `$metadata`) that an integration can be built
 * from before a connection exists, as the vendor's wizard allows for SAP OData.
 */
export const SPECIFICATION_PROVIDERS: readonly Provider[] = ['odata'];

/** The product's attribute types (what an app sees), independent of the native column type. */
export const ATTRIBUTE_TYPES = [
  'Text',
  'Integer',
  'LongInteger',
  'Decimal',
  'Boolean',
  'Date',
  'Time',
  'DateTime',
  'BinaryData',
  'Json',
  'Enum',
  'Set',
] as const;
export type AttributeType = (typeof ATTRIBUTE_TYPES)[number];

export type Attribute = Readonly<{
  name: string;
  nativeType: string;
  type: AttributeType;
  length?: number;
  precision?: number;
  scale?: number;
  nullable: boolean;
  defaultValue?: string;
  primaryKey: boolean;
  autoIncrement: boolean;
  /**
   * The database computes the column (a generated column, SQL Server's rowversion): apps read it,
   * never write it. Absent when false, as on every attribute added before the mark existed.
   */
  generated?: true;
  /**
   * The connector cannot map the column's native type: it is listed and read as the connector can
   * (null or JSON), never written. Absent when false.
   */
  unsupported?: true;
}>;

/** An attribute apps may read but never write: the database computes it, or its type is not mapped. */
export const isReadOnlyAttribute = (attribute: Pick<Attribute, 'generated' | 'unsupported'>): boolean =>
  attribute.generated === true || attribute.unsupported === true;

/** A selected table or view as the integration exposes it. */
export type Entity = Readonly<{
  name: string;
  table: string;
  kind: 'table' | 'view';
  primaryKey: readonly string[];
  attributes: readonly Attribute[];
}>;
