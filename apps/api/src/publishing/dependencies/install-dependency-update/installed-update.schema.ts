import { ApiProperty, ApiSchema, OmitType } from '@nestjs/swagger';
import { DependencyUpdateSchema } from '../dependency-queries/installed-dependencies.schema';
import { type InstalledUpdate } from './install-dependency-update.command';

/** The update as installed: an update as the dependency lists it, named and always of one environment. */
@ApiSchema({ name: 'InstalledUpdate' })
export class InstalledUpdateSchema
  extends OmitType(DependencyUpdateSchema, ['environment', 'installedBy'] as const)
  implements InstalledUpdate
{
  @ApiProperty({ example: 'integration-manager' })
  name!: string;

  @ApiProperty({ example: 'development', description: 'Where it was installed' })
  environment!: string;
}
