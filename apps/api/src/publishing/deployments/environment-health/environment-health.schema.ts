import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { PROVIDERS, type Provider } from '@ib/domain';
import { type ConnectionHealth, type EnvironmentHealth, type HealthStatus } from './environment-health';

@ApiSchema({ name: 'HealthProblem' })
export class HealthProblemSchema {
  @ApiProperty({ example: 'CONNECTOR.DATABASE_NOT_FOUND' })
  code!: string;

  @ApiProperty({ description: 'What went wrong, fit to show (never a password)' })
  message!: string;
}

@ApiSchema({ name: 'ConnectionHealth' })
export class ConnectionHealthSchema implements ConnectionHealth {
  @ApiProperty({ format: 'uuid' })
  connectionId!: string;

  @ApiPropertyOptional({ description: 'Absent when the bound connection no longer exists' })
  name?: string;

  @ApiPropertyOptional({ enum: PROVIDERS })
  provider?: Provider;

  @ApiProperty({
    type: [String],
    description: 'The integrations deployed in the environment that call through it',
  })
  integrationIds!: string[];

  @ApiProperty({ enum: ['up', 'down'], description: 'up: the connection test answered in time' })
  status!: 'up' | 'down';

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 0,
    description: 'Up: milliseconds from opening a connection to the answer of the connection test',
  })
  latencyMs?: number;

  @ApiPropertyOptional({ example: '3.45.1' })
  serverVersion?: string;

  @ApiPropertyOptional({
    type: HealthProblemSchema,
    description: 'Down: why (CONNECTOR.TIMEOUT when it did not answer within a few seconds)',
  })
  error?: HealthProblemSchema;
}

@ApiSchema({ name: 'EnvironmentHealth' })
export class EnvironmentHealthSchema implements EnvironmentHealth {
  @ApiProperty({ example: 'qa' })
  environment!: string;

  @ApiProperty({
    enum: ['ok', 'degraded', 'down'],
    description:
      'ok: every bound connection answers (or none is bound); degraded: some do not; down: none does',
  })
  status!: HealthStatus;

  @ApiProperty({ format: 'date-time', description: 'When the connections were tested' })
  checkedAt!: string;

  @ApiProperty({
    type: 'string',
    format: 'date-time',
    nullable: true,
    description:
      'When the schema drift of the environment was last checked (POST .../drift-checks or the scheduled ' +
      'check); null: never',
  })
  lastDriftCheck!: string | null;

  @ApiProperty({ type: [ConnectionHealthSchema], description: 'Each connection bound there, by id' })
  connections!: ConnectionHealthSchema[];
}
