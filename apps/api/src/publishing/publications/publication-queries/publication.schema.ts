import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { PUBLICATION_STEPS, type PublicationStep, type RuntimeDependency } from '@ib/domain';
import { type PublicationStepView, type PublicationView } from './publication-views';
import { type PublishedVersion } from './integration-publications.queries';

/** A runtime component a published version was built against. */
@ApiSchema({ name: 'RuntimeDependency' })
export class RuntimeDependencySchema implements RuntimeDependency {
  @ApiProperty({ example: 'integration-manager' })
  name!: string;

  @ApiProperty({ example: '1.0.0', description: 'x.y.z' })
  version!: string;
}

@ApiSchema({ name: 'PublicationStep' })
export class PublicationStepSchema implements PublicationStepView {
  @ApiProperty({ enum: PUBLICATION_STEPS })
  step!: PublicationStep;

  @ApiProperty({ enum: ['pending', 'done', 'failed'] })
  status!: PublicationStepView['status'];

  @ApiPropertyOptional({ format: 'date-time', description: 'When it was done or failed' })
  at?: string;
}

/** A publication as the read model lists it (`implements` keeps the document in step with the view). */
@ApiSchema({ name: 'Publication' })
export class PublicationSchema implements PublicationView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  integrationId!: string;

  @ApiProperty({
    type: 'integer',
    minimum: 0,
    description: 'The integration stream version that was published',
  })
  integrationVersion!: number;

  @ApiProperty({
    type: 'integer',
    minimum: 1,
    example: 1,
    description: 'The version number this publication gives (or would have given)',
  })
  version!: number;

  @ApiProperty({ example: 'development' })
  environment!: string;

  @ApiProperty({ enum: ['running', 'published', 'failed'] })
  status!: PublicationView['status'];

  @ApiProperty({
    type: [PublicationStepSchema],
    description: 'Always the four steps, in their order',
  })
  steps!: readonly PublicationStepSchema[];

  @ApiPropertyOptional({ description: 'Why it failed (failed only)' })
  reason?: string;

  @ApiPropertyOptional({ enum: PUBLICATION_STEPS, description: 'The step that failed (failed only)' })
  failedStep?: PublicationStep;

  @ApiPropertyOptional({
    example: `sha256:${'0'.repeat(64)}`,
    description: 'The generated package, once generated (a failed publication keeps it)',
  })
  packageHash?: string;

  @ApiPropertyOptional({ example: '1.1.0', description: 'The package generator that made it' })
  generatorVersion?: string;

  @ApiPropertyOptional({
    type: [RuntimeDependencySchema],
    description: 'What the version was built against, once checked',
  })
  dependencies?: readonly RuntimeDependencySchema[];

  @ApiProperty({ description: 'User id of who asked for it' })
  requestedBy!: string;

  @ApiProperty({ format: 'date-time' })
  requestedAt!: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'When it was published or failed' })
  finishedAt?: string;
}

/** A published version of an integration, with where to download its package. */
@ApiSchema({ name: 'PublishedVersion' })
export class PublishedVersionSchema implements PublishedVersion {
  @ApiProperty({ type: 'integer', minimum: 1, example: 1 })
  version!: number;

  @ApiProperty({ format: 'uuid' })
  publicationId!: string;

  @ApiProperty({ example: `sha256:${'0'.repeat(64)}`, description: 'The generated package' })
  packageHash!: string;

  @ApiProperty({ type: [RuntimeDependencySchema] })
  dependencies!: readonly RuntimeDependencySchema[];

  @ApiProperty({ format: 'date-time' })
  publishedAt!: string;

  @ApiProperty({
    example: '/api/integrations/0190a000-0000-7000-8000-000000000001/versions/1/package',
    description: 'Where to download the package (application/x-tar)',
  })
  packageUrl!: string;
}
