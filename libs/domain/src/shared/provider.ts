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
}>;

/** A selected table or view as the integration exposes it. */
export type Entity = Readonly<{
  name: string;
  table: string;
  kind: 'table' | 'view';
  primaryKey: readonly string[];
  attributes: readonly Attribute[];
}>;
