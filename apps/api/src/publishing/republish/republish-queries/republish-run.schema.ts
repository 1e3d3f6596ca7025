import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { type RepublishItemStatus } from '@ib/domain';

const ITEM_STATUSES: readonly RepublishItemStatus[] = [
  'pending',
  'running',
  'published',
  'failed',
  'skipped',
];

/** One integration of a run and its outcome. */
@ApiSchema({ name: 'RepublishRunItem' })
export class RepublishRunItemSchema {
  @ApiProperty({ format: 'uuid' })
  integrationId!: string;

  @ApiProperty({ enum: ITEM_STATUSES })
  status!: RepublishItemStatus;

  @ApiPropertyOptional({ format: 'uuid', description: 'Once its publication started' })
  publicationId?: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, description: 'The version its publication gives' })
  version?: number;

  @ApiPropertyOptional({ description: 'Why it failed or was skipped' })
  reason?: string;
}

/**
 * A republish run folded from its stream. The controller's answer is typed with this class, so the
 * document follows what it builds.
 */
@ApiSchema({ name: 'RepublishRun' })
export class RepublishRunSchema {
  @ApiProperty({ format: 'uuid' })
  runId!: string;

  @ApiProperty({ enum: ['running', 'finished'] })
  status!: 'running' | 'finished';

  @ApiProperty({ type: 'integer', minimum: 0, description: 'Integrations in the run' })
  total!: number;

  @ApiProperty({ type: 'integer', minimum: 0 })
  published!: number;

  @ApiProperty({ type: 'integer', minimum: 0 })
  failed!: number;

  @ApiProperty({ type: 'integer', minimum: 0 })
  skipped!: number;

  @ApiProperty({ type: [RepublishRunItemSchema], description: 'In the order they are republished' })
  items!: readonly RepublishRunItemSchema[];

  @ApiProperty({ description: 'User id of who started it' })
  startedBy!: string;

  @ApiProperty({ format: 'date-time' })
  startedAt!: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Finished only' })
  finishedAt?: string;
}
