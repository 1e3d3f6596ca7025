import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';

const MISMATCH_KINDS = [
  'edited',
  'deleted',
  'inserted',
  'reordered',
  'unhashed',
  'rewritten',
  'truncated',
  'forged-checkpoint',
] as const;

@ApiSchema({ name: 'ChainMismatch' })
export class ChainMismatchSchema {
  @ApiProperty({
    description: 'Log position of the first event (or checkpoint) that does not hold',
    example: 42,
  })
  position!: number;

  @ApiProperty({ description: 'What was done to the stored events there' })
  reason!: string;

  @ApiProperty({ enum: MISMATCH_KINDS })
  kind!: (typeof MISMATCH_KINDS)[number];
}

@ApiSchema({ name: 'ChainCheckpoints' })
export class ChainCheckpointsSchema {
  @ApiProperty({ type: 'integer', minimum: 0, description: 'Checkpoints met', example: 12 })
  checked!: number;

  @ApiProperty({
    type: 'integer',
    minimum: 0,
    description: 'Checkpoints whose signature holds',
    example: 12,
  })
  signed!: number;
}

@ApiSchema({ name: 'ChainVerification' })
export class ChainVerificationSchema {
  @ApiProperty({ description: 'Every event and checkpoint holds' })
  ok!: boolean;

  @ApiProperty({ description: 'Events whose hash was recomputed', example: 1200 })
  checked!: number;

  @ApiProperty({ description: 'Position of the last event verified', example: 1200 })
  head!: number;

  @ApiProperty({ type: ChainMismatchSchema, nullable: true })
  firstMismatch!: ChainMismatchSchema | null;

  @ApiProperty({
    description: 'Whether AUDIT_KEY is set: without it checkpoints prove nothing about a full rewrite',
  })
  keyConfigured!: boolean;

  @ApiProperty({
    type: ChainCheckpointsSchema,
    description: 'Checkpoints met, and how many carried a signature that holds',
  })
  checkpoints!: ChainCheckpointsSchema;

  @ApiPropertyOptional({ description: 'How long the verification took', example: 35 })
  tookMs?: number;
}
