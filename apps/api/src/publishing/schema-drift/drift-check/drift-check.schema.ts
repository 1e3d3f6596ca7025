import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import {
  BREAKING_DIFFERENCE_KINDS,
  NON_BREAKING_DIFFERENCE_KINDS,
  type SchemaDifference,
  type SchemaDifferenceKind,
} from '@ib/domain';
import { HealthProblemSchema } from '../../deployments/environment-health/environment-health.schema';
import {
  type DriftStatus,
  type EnvironmentDriftResult,
  type IntegrationDriftResult,
} from './drift-check.result';

@ApiSchema({ name: 'SchemaDifference' })
export class SchemaDifferenceSchema implements SchemaDifference {
  @ApiProperty({ enum: [...BREAKING_DIFFERENCE_KINDS, ...NON_BREAKING_DIFFERENCE_KINDS] })
  kind!: SchemaDifferenceKind;

  @ApiProperty({
    description:
      'Breaking: calls of the data API fail or lose data (dropped table or column, narrowed or changed type, ' +
      'nullability tightened, key changed, a required column added); the others an app does not notice',
  })
  breaking!: boolean;

  @ApiProperty({ example: 'customers' })
  table!: string;

  @ApiPropertyOptional({ description: 'The entity concerned; absent for a new table', example: 'Customer' })
  entity?: string;

  @ApiPropertyOptional({ example: 'email' })
  column?: string;

  @ApiPropertyOptional({ description: 'What the published version says', example: 'varchar(50)' })
  expected?: string;

  @ApiPropertyOptional({ description: 'What the database has now', example: 'varchar(20)' })
  actual?: string;

  @ApiProperty({ example: 'Column customers.email does not exist' })
  message!: string;
}

@ApiSchema({ name: 'IntegrationDriftResult' })
export class IntegrationDriftResultSchema implements IntegrationDriftResult {
  @ApiProperty({ format: 'uuid' })
  integrationId!: string;

  @ApiProperty({ type: 'integer', description: 'The version deployed in the environment' })
  version!: number;

  @ApiProperty({
    enum: ['ok', 'drift', 'unreachable'],
    description: 'ok: in sync; drift: differences found; unreachable: the database did not answer',
  })
  status!: DriftStatus;

  @ApiProperty({ type: [SchemaDifferenceSchema] })
  differences!: SchemaDifferenceSchema[];

  @ApiProperty({ type: 'integer', minimum: 0 })
  breaking!: number;

  @ApiProperty({ type: 'integer', minimum: 0 })
  nonBreaking!: number;

  @ApiPropertyOptional({ type: HealthProblemSchema, description: 'Unreachable: why' })
  error?: HealthProblemSchema;
}

@ApiSchema({ name: 'EnvironmentDriftCheck' })
export class EnvironmentDriftCheckSchema implements EnvironmentDriftResult {
  @ApiProperty({ example: 'qa' })
  environment!: string;

  @ApiProperty({ format: 'date-time' })
  checkedAt!: string;

  @ApiProperty({
    type: [IntegrationDriftResultSchema],
    description: 'Each integration deployed there with a connection that serves it',
  })
  integrations!: IntegrationDriftResultSchema[];
}
