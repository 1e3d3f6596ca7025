import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { type DependencyUpdateView } from './dependency-views';
import { type InstalledDependencies, type InstalledDependencyEntry } from './dependency-queries';

@ApiSchema({ name: 'DependencyUpdate' })
export class DependencyUpdateSchema implements DependencyUpdateView {
  @ApiProperty({ example: '1.0.0' })
  fromVersion!: string;

  @ApiProperty({ example: '2.0.0' })
  version!: string;

  @ApiProperty({ description: 'Declared so, or a new major version' })
  breaking!: boolean;

  @ApiProperty({ description: 'What changed; empty when none were given' })
  notes!: string;

  @ApiProperty({ description: 'User id of who installed it' })
  installedBy!: string;

  @ApiProperty({ format: 'date-time' })
  installedAt!: string;

  @ApiPropertyOptional({
    example: 'development',
    description: 'Absent on an update installed everywhere (before updates were per environment)',
  })
  environment?: string;
}

/** A runtime dependency as installed now in one environment: the shipped version until updated there. */
@ApiSchema({ name: 'InstalledDependency' })
export class InstalledDependencySchema implements InstalledDependencyEntry {
  @ApiProperty({ example: 'integration-manager' })
  name!: string;

  @ApiProperty({ example: '1.0.0', description: 'The version installed in the environment' })
  version!: string;

  @ApiProperty({ example: '1.0.0', description: 'The version shipped with the product' })
  shippedVersion!: string;

  @ApiProperty({ description: 'Whether an update reached the environment' })
  updated!: boolean;

  @ApiPropertyOptional({ description: 'User id of who installed the version (updated only)' })
  installedBy?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Updated only' })
  installedAt?: string;

  @ApiProperty({ type: [DependencyUpdateSchema], description: 'The updates that reached it, oldest first' })
  updates!: readonly DependencyUpdateSchema[];
}

@ApiSchema({ name: 'InstalledDependencies' })
export class InstalledDependenciesSchema implements InstalledDependencies {
  @ApiProperty({ example: 'development', description: 'The environment listed' })
  environment!: string;

  @ApiProperty({ type: [InstalledDependencySchema], description: 'Every runtime dependency, by name' })
  items!: InstalledDependencySchema[];

  @ApiProperty({ type: 'integer', minimum: 0 })
  total!: number;
}
