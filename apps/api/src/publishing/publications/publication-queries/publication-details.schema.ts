import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import {
  PUBLICATION_EVENT_TYPES,
  PUBLICATION_STEPS,
  type PublicationEvent,
  type PublicationStep,
} from '@ib/domain';
import { RuntimeDependencySchema } from './publication.schema';

/** A recorded event of a publication's stream, as the step it stands for. */
@ApiSchema({ name: 'PublicationStepRecord' })
export class PublicationStepRecordSchema {
  @ApiProperty({
    enum: ['requested', ...PUBLICATION_STEPS],
    description: 'The step the event records (`requested` for the request; the failed step for a failure)',
  })
  step!: string;

  @ApiProperty({ enum: PUBLICATION_EVENT_TYPES })
  event!: PublicationEvent['type'];

  @ApiProperty({ enum: ['done', 'failed'] })
  status!: 'done' | 'failed';

  @ApiProperty({ format: 'date-time' })
  at!: string;

  @ApiProperty({ description: 'User id of who asked for it, or the process that performed it' })
  actorId!: string;
}

/**
 * A publication folded from its stream (the source of truth, so it answers right after the request).
 * The controller's answer is typed with this class, so the document follows what it builds.
 */
@ApiSchema({ name: 'PublicationDetails' })
export class PublicationDetailsSchema {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  integrationId!: string;

  @ApiProperty({ type: 'integer', minimum: 1, example: 1 })
  version!: number;

  @ApiProperty({ example: 'development' })
  environment!: string;

  @ApiProperty({ enum: ['running', 'published', 'failed'] })
  status!: 'running' | 'published' | 'failed';

  @ApiProperty({ description: 'User id of who asked for it' })
  requestedBy!: string;

  @ApiProperty({ format: 'date-time' })
  requestedAt!: string;

  @ApiPropertyOptional({ enum: PUBLICATION_STEPS, description: 'The step performed now (running only)' })
  nextStep?: PublicationStep;

  @ApiPropertyOptional({ format: 'date-time', description: 'Published only' })
  publishedAt?: string;

  @ApiPropertyOptional({ description: 'Why it failed (failed only)' })
  reason?: string;

  @ApiPropertyOptional({ enum: PUBLICATION_STEPS, description: 'The step that failed (failed only)' })
  failedStep?: PublicationStep;

  @ApiPropertyOptional({ format: 'date-time', description: 'Failed only' })
  failedAt?: string;

  @ApiPropertyOptional({
    example: `sha256:${'0'.repeat(64)}`,
    description: 'The generated package, once generated (a failed publication keeps it)',
  })
  packageHash?: string;

  @ApiPropertyOptional({
    type: [RuntimeDependencySchema],
    description: 'What the version was built against, once checked',
  })
  dependencies?: readonly RuntimeDependencySchema[];

  @ApiProperty({ type: [PublicationStepRecordSchema], description: 'Each recorded event, oldest first' })
  steps!: readonly PublicationStepRecordSchema[];
}
