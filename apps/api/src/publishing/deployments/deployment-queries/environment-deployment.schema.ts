import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { ENVIRONMENT_KINDS, type EnvironmentKind, PROVIDERS, type Provider } from '@ib/domain';
import { type ConnectionBinding, type EnvironmentDeploymentEntry } from './deployment-queries';

@ApiSchema({ name: 'ConnectionBinding' })
export class ConnectionBindingSchema implements ConnectionBinding {
  @ApiProperty({ format: 'uuid' })
  connectionId!: string;

  @ApiProperty({ enum: PROVIDERS })
  connectionProvider!: Provider;

  @ApiPropertyOptional({ description: 'User id of who bound it' })
  boundBy?: string;

  @ApiPropertyOptional({ format: 'date-time' })
  boundAt?: string;
}

/** The version deployed in one environment and the connection bound there. */
@ApiSchema({ name: 'EnvironmentDeployment' })
export class EnvironmentDeploymentSchema implements EnvironmentDeploymentEntry {
  @ApiProperty({ example: 'qa' })
  environment!: string;

  @ApiProperty({ enum: ENVIRONMENT_KINDS })
  environmentKind!: EnvironmentKind;

  @ApiProperty({ type: 'integer', minimum: 1, example: 1 })
  version!: number;

  @ApiProperty({ description: 'User id of who deployed it' })
  deployedBy!: string;

  @ApiProperty({ format: 'date-time' })
  deployedAt!: string;

  @ApiProperty({
    type: ConnectionBindingSchema,
    nullable: true,
    description:
      "null while none is bound: the integration's own connection serves its development environment; " +
      'elsewhere the data API answers 409 until an administrator binds one',
  })
  binding!: ConnectionBindingSchema | null;
}
