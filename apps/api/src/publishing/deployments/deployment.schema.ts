import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';

/** What serves an integration in one environment, as a promotion or a binding answers it. */
@ApiSchema({ name: 'Deployment' })
export class DeploymentSchema {
  @ApiProperty({ format: 'uuid' })
  integrationId!: string;

  @ApiProperty({ example: 'qa' })
  environment!: string;

  @ApiProperty({ type: 'integer', minimum: 1, example: 1, description: 'The version deployed there' })
  version!: number;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'The connection bound there; absent until an administrator binds one',
  })
  connectionId?: string;

  @ApiProperty({
    type: 'integer',
    minimum: 0,
    description: "The version of the integration's deployments stream after the change",
  })
  streamVersion!: number;
}
