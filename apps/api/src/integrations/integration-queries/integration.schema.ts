import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import {
  ATTRIBUTE_TYPES,
  ENVIRONMENT_KINDS,
  type EnvironmentKind,
  type Attribute,
  type AttributeType,
  type Entity,
  NULL_POLICIES,
  type NullPolicy,
  PROVIDERS,
  type Provider,
} from '@ib/domain';
import { type DeployedVersion } from './deployed-versions.port';
import { type IntegrationListItem } from './integration-queries';
import { type IntegrationView } from './integrations.projection';

/** A column of an entity's table, as the integration exposes it to apps. */
@ApiSchema({ name: 'EntityAttribute' })
export class EntityAttributeSchema implements Attribute {
  @ApiProperty({ example: 'unit_price' })
  name!: string;

  @ApiProperty({ example: 'DECIMAL(10,2)', description: 'The column type as the database names it' })
  nativeType!: string;

  @ApiProperty({ enum: ATTRIBUTE_TYPES, description: 'What an app sees; it never changes once added' })
  type!: AttributeType;

  @ApiPropertyOptional({ type: 'integer', minimum: 0 })
  length?: number;

  @ApiPropertyOptional({ type: 'integer', minimum: 0 })
  precision?: number;

  @ApiPropertyOptional({ type: 'integer', minimum: 0 })
  scale?: number;

  @ApiProperty()
  nullable!: boolean;

  @ApiPropertyOptional({ example: 'CURRENT_TIMESTAMP', description: 'A literal or an expression, as text' })
  defaultValue?: string;

  @ApiProperty()
  primaryKey!: boolean;

  @ApiProperty()
  autoIncrement!: boolean;

  @ApiPropertyOptional({
    type: 'boolean',
    enum: [true],
    description: 'The database computes it: apps read it, never write it. Absent when not',
  })
  generated?: true;

  @ApiPropertyOptional({
    type: 'boolean',
    enum: [true],
    description:
      'The connector cannot map its native type: it is listed and read as the connector can (null or JSON), never written. Absent when not',
  })
  unsupported?: true;
}

/** A selected table or view; its name is what apps use in the data API, and never changes. */
@ApiSchema({ name: 'IntegrationEntity' })
export class IntegrationEntitySchema implements Entity {
  @ApiProperty({ example: 'order_items' })
  name!: string;

  @ApiProperty({ example: 'order items', description: 'The table or view in the database' })
  table!: string;

  @ApiProperty({ enum: ['table', 'view'] })
  kind!: 'table' | 'view';

  @ApiProperty({ type: [String], description: 'Key columns, in key order (empty: no primary key)' })
  primaryKey!: string[];

  @ApiProperty({ type: [EntityAttributeSchema] })
  attributes!: EntityAttributeSchema[];
}

/** An integration as the API answers it (`implements` keeps the document in step with the view). */
@ApiSchema({ name: 'Integration' })
export class IntegrationSchema implements IntegrationView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'development' })
  environment!: string;

  @ApiProperty({ enum: PROVIDERS })
  provider!: Provider;

  @ApiProperty({ example: 'Orders' })
  applicationName!: string;

  @ApiProperty({ example: 'Orders_IS' })
  moduleName!: string;

  @ApiProperty({ description: 'Empty when none was given' })
  description!: string;

  @ApiPropertyOptional({ description: 'A data URL or a short name' })
  icon?: string;

  @ApiProperty({
    enum: ['draft', 'open'],
    description: '`open`: converted to open, no longer edited or published by the builder',
  })
  status!: 'draft' | 'open';

  @ApiPropertyOptional({ format: 'uuid' })
  connectionId?: string;

  @ApiPropertyOptional({
    description:
      'The SHA-256 of the service specification uploaded to build the integration without a connection (OData)',
  })
  specificationId?: string;

  @ApiPropertyOptional({ example: 'main' })
  database?: string;

  @ApiProperty({ type: [IntegrationEntitySchema] })
  entities!: IntegrationEntitySchema[];

  @ApiProperty({
    enum: NULL_POLICIES,
    description:
      'What the data API of a version published from this draft does with NULLs. `overwrite`: values are ' +
      'read and written as they are. `preserve` (the default): a NULL is read as its type default ' +
      "(''/0/false/epoch) and that default written to a nullable attribute is stored as NULL again. " +
      'A deployed version keeps the policy its manifest records.',
  })
  nullPolicy!: NullPolicy;

  @ApiProperty({ description: 'User id of its creator' })
  createdBy!: string;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;

  @ApiProperty({
    type: 'integer',
    minimum: 0,
    description: 'The version of the integration (its ETag): send it as If-Match to change it',
  })
  version!: number;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, description: 'The latest published version' })
  publishedVersion?: number;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 0,
    description: 'The integration version the latest published version was made from',
  })
  publishedIntegrationVersion?: number;

  @ApiProperty({
    description: 'The draft moved on since the latest published version (or was never published)',
  })
  unpublishedChanges!: boolean;
}

/** The version an integration serves in one environment. */
@ApiSchema({ name: 'DeployedVersion' })
export class DeployedVersionSchema implements DeployedVersion {
  @ApiProperty({ example: 'qa' })
  environment!: string;

  @ApiProperty({ enum: ENVIRONMENT_KINDS })
  environmentKind!: EnvironmentKind;

  @ApiProperty({ type: 'integer', minimum: 1, example: 1 })
  version!: number;
}

/** A row of the integration list: the integration, and where its published versions are deployed. */
@ApiSchema({ name: 'IntegrationListItem' })
export class IntegrationListItemSchema extends IntegrationSchema implements IntegrationListItem {
  @ApiProperty({
    type: [DeployedVersionSchema],
    description: 'The version deployed in each environment, by environment (empty: deployed nowhere)',
  })
  deployments!: DeployedVersionSchema[];
}
