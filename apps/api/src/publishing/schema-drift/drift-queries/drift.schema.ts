import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { type AffectedApiKey } from '@ib/domain';
import { SchemaDifferenceSchema } from '../drift-check/drift-check.schema';
import { type DriftEntry, type EnvironmentDrift, type IntegrationDrift } from './drift-queries';
import { type EnvironmentDriftCheckView } from './schema-drift-views';

@ApiSchema({ name: 'AffectedApiKey' })
export class AffectedApiKeySchema implements AffectedApiKey {
  @ApiProperty({ format: 'uuid' })
  keyId!: string;

  @ApiProperty({ example: 'warehouse' })
  appName!: string;

  @ApiProperty({ example: 'prod' })
  label!: string;
}

@ApiSchema({ name: 'SchemaDrift' })
export class SchemaDriftSchema implements DriftEntry {
  @ApiProperty({ format: 'uuid' })
  integrationId!: string;

  @ApiProperty({ example: 'qa' })
  environment!: string;

  @ApiProperty({ type: 'integer', description: 'The deployed version the database was compared with' })
  version!: number;

  @ApiProperty({ enum: ['ok', 'drift'], description: 'ok: the last check found the database as published' })
  status!: 'ok' | 'drift';

  @ApiProperty({ type: [SchemaDifferenceSchema] })
  differences!: SchemaDifferenceSchema[];

  @ApiProperty({ type: 'integer', minimum: 0 })
  breaking!: number;

  @ApiProperty({ type: 'integer', minimum: 0 })
  nonBreaking!: number;

  @ApiProperty({ type: [String], description: 'The entities the differences concern' })
  entities!: string[];

  @ApiPropertyOptional({
    type: [AffectedApiKeySchema],
    description: "The environment's active API keys, which reach the integration (for its administrators)",
  })
  apiKeys?: AffectedApiKeySchema[];

  @ApiPropertyOptional({ format: 'date-time', description: 'When the current (or last) drift was found' })
  detectedAt?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'When drift was last found resolved' })
  resolvedAt?: string;
}

@ApiSchema({ name: 'IntegrationDrift' })
export class IntegrationDriftSchema implements IntegrationDrift {
  @ApiProperty({ format: 'uuid' })
  integrationId!: string;

  @ApiProperty({ type: [SchemaDriftSchema], description: 'One per environment checked, by environment' })
  items!: SchemaDriftSchema[];
}

@ApiSchema({ name: 'EnvironmentDriftCheckSummary' })
export class EnvironmentDriftCheckSummarySchema implements EnvironmentDriftCheckView {
  @ApiProperty({ example: 'qa' })
  environment!: string;

  @ApiProperty({ format: 'date-time' })
  checkedAt!: string;

  @ApiProperty({ type: 'integer', minimum: 0 })
  integrations!: number;

  @ApiProperty({ type: 'integer', minimum: 0, description: 'Integrations with breaking drift' })
  breaking!: number;

  @ApiProperty({ type: 'integer', minimum: 0, description: 'Integrations with non-breaking drift only' })
  nonBreaking!: number;

  @ApiProperty({ type: 'integer', minimum: 0, description: 'Integrations whose database did not answer' })
  unreachable!: number;
}

@ApiSchema({ name: 'EnvironmentDrift' })
export class EnvironmentDriftSchema implements EnvironmentDrift {
  @ApiProperty({ example: 'qa' })
  environment!: string;

  @ApiProperty({ type: EnvironmentDriftCheckSummarySchema, nullable: true })
  lastCheck!: EnvironmentDriftCheckSummarySchema | null;

  @ApiProperty({ type: [SchemaDriftSchema] })
  items!: SchemaDriftSchema[];
}
