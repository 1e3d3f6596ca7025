import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { ENVIRONMENT_KINDS, type EnvironmentKind } from '@ib/domain';
import { type RepublishRequirementView } from './dependency-views';
import { RuntimeDependencySchema } from '../../publications/publication-queries/publication.schema';
import { type EnvironmentDependencies, type IntegrationDependencies } from './dependency-queries';
import { type BreakingUpdateAffecting } from './breaking-updates-affecting';

/** A breaking update installed somewhere that a deployed version was built before. */
@ApiSchema({ name: 'BreakingUpdateAffecting' })
export class BreakingUpdateAffectingSchema implements BreakingUpdateAffecting {
  @ApiProperty({ example: 'integration-manager' })
  dependency!: string;

  @ApiProperty({ example: '2.0.0', description: 'The newest breaking version installed anywhere' })
  version!: string;

  @ApiPropertyOptional({
    example: '1.4.0',
    description: 'What the deployed version was built against; absent when it recorded none',
  })
  builtOn?: string;

  @ApiProperty({ type: [String], example: ['development'], description: 'Where it is installed' })
  installedIn!: readonly string[];
}

/** A breaking update that calls for a republish. */
@ApiSchema({ name: 'RepublishRequirement' })
export class RepublishRequirementSchema implements RepublishRequirementView {
  @ApiProperty({ example: 'integration-manager', description: 'The dependency updated' })
  dependency!: string;

  @ApiProperty()
  reason!: string;

  @ApiProperty({ format: 'date-time' })
  requiredAt!: string;

  @ApiPropertyOptional({
    example: 'qa',
    description: 'Where it was installed; absent for an update installed everywhere',
  })
  environment?: string;

  @ApiPropertyOptional({
    example: '2.0.0',
    description: 'The breaking version a deployment must be built against (with `environment`)',
  })
  version?: string;
}

/** What the version deployed in one environment was built against, and whether it must be republished. */
@ApiSchema({ name: 'EnvironmentDependencies' })
export class EnvironmentDependenciesSchema implements EnvironmentDependencies {
  @ApiProperty({ example: 'qa' })
  environment!: string;

  @ApiProperty({ enum: ENVIRONMENT_KINDS })
  environmentKind!: EnvironmentKind;

  @ApiProperty({ type: 'integer', minimum: 1, example: 1, description: 'The version deployed there' })
  version!: number;

  @ApiProperty({ type: [RuntimeDependencySchema] })
  builtAgainst!: readonly RuntimeDependencySchema[];

  @ApiProperty()
  republishRequired!: boolean;

  @ApiProperty({
    type: [RepublishRequirementSchema],
    description: "This environment's own requirements and those of updates installed everywhere",
  })
  republishRequirements!: readonly RepublishRequirementSchema[];

  @ApiProperty({
    type: [BreakingUpdateAffectingSchema],
    description:
      'Breaking updates installed in any environment that the version served here was built before: ' +
      'a republish is required where one is installed; elsewhere the version still serves but needs attention',
  })
  breakingUpdates!: readonly BreakingUpdateAffectingSchema[];

  @ApiProperty({
    description:
      'A republish is required here, or the version served here was built before a breaking update installed in another environment',
  })
  needsAttention!: boolean;
}

@ApiSchema({ name: 'IntegrationDependencies' })
export class IntegrationDependenciesSchema implements IntegrationDependencies {
  @ApiProperty({ format: 'uuid' })
  integrationId!: string;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    description: 'The latest published version; absent while none is',
  })
  latestVersion?: number;

  @ApiProperty({
    type: [RuntimeDependencySchema],
    description: 'What the latest published version was built against (empty while none is)',
  })
  builtAgainst!: readonly RuntimeDependencySchema[];

  @ApiProperty({ description: 'In at least one environment' })
  republishRequired!: boolean;

  @ApiProperty({ type: [RepublishRequirementSchema], description: 'Every requirement, of every environment' })
  republishRequirements!: readonly RepublishRequirementSchema[];

  @ApiProperty({ description: 'In at least one environment it is deployed in (see its environments)' })
  needsAttention!: boolean;

  @ApiProperty({ type: [EnvironmentDependenciesSchema], description: 'Each environment it is deployed in' })
  environments!: readonly EnvironmentDependenciesSchema[];
}
