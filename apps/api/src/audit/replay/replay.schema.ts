import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { type RowDifference, type ViewReplayOutcome, type ViewReplayReport } from '../../read-model';

const DOCUMENT = { type: 'object', additionalProperties: true, nullable: true } as const;

/** One row whose live and replayed versions differ (`implements` keeps it in step with the replay). */
@ApiSchema({ name: 'ReplayDifference' })
export class ReplayDifferenceSchema implements RowDifference {
  @ApiProperty({ description: 'The primary key of the row (its document id)', example: 'a1b2c3' })
  key!: string;

  @ApiProperty({
    ...DOCUMENT,
    description: 'The live row as the view serves it; null when the live view has no row of this key',
  })
  live!: Record<string, unknown> | null;

  @ApiProperty({
    ...DOCUMENT,
    description: 'The row the log gives; null when the replay has no row of this key',
  })
  replayed!: Record<string, unknown> | null;
}

@ApiSchema({ name: 'ReplayedView' })
export class ReplayedViewSchema implements ViewReplayOutcome {
  @ApiProperty({ description: 'The view (projection) name', example: 'integrations' })
  view!: string;

  @ApiProperty({
    type: 'integer',
    minimum: 0,
    description:
      'The position of the live rows compared (the view’s checkpoint), which the log was replayed up to',
  })
  position!: number;

  @ApiProperty({ description: 'Whether every live row is the replayed one, and no row is missing' })
  equal!: boolean;

  @ApiProperty({ type: 'integer', minimum: 0 })
  liveRows!: number;

  @ApiProperty({ type: 'integer', minimum: 0 })
  replayedRows!: number;

  @ApiProperty({
    type: [ReplayDifferenceSchema],
    description: 'The first differing rows by primary key, at most 10',
  })
  differences!: ReplayDifferenceSchema[];
}

@ApiSchema({ name: 'Replay' })
export class ReplaySchema implements ViewReplayReport {
  @ApiProperty({
    type: 'integer',
    minimum: 0,
    description: 'The read model’s position when the replay took its rows: the highest view position',
  })
  position!: number;

  @ApiProperty({ format: 'date-time' })
  startedAt!: string;

  @ApiProperty({ type: 'integer', minimum: 0 })
  tookMs!: number;

  @ApiProperty({ description: 'Whether every view is equal to its replay' })
  equal!: boolean;

  @ApiProperty({ type: [ReplayedViewSchema] })
  views!: ReplayedViewSchema[];
}
