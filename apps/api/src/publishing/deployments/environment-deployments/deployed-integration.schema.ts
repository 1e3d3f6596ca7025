import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { EnvironmentDeploymentSchema } from '../deployment-queries/environment-deployment.schema';
import { type DeployedIntegrationEntry } from './environment-deployments.query';

/** An integration deployed in an environment, the version deployed there and the connection bound there. */
@ApiSchema({ name: 'DeployedIntegration' })
export class DeployedIntegrationSchema
  extends EnvironmentDeploymentSchema
  implements DeployedIntegrationEntry
{
  @ApiProperty({ format: 'uuid' })
  integrationId!: string;
}
