import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { type ProcessManagerStatus } from '../../infrastructure/process-managers/process-manager-runner';
import { type ProjectionStatus } from '../../infrastructure/read-model/projection-runner';

/** Where one projection stands against the event store (`implements` keeps it in step with the runner). */
@ApiSchema({ name: 'ProjectionStatus' })
export class ProjectionStatusSchema implements ProjectionStatus {
  @ApiProperty({ example: 'integrations' })
  name!: string;

  @ApiProperty({ type: 'integer', minimum: 0, description: 'Global position of its checkpoint' })
  position!: number;

  @ApiProperty({ type: 'integer', minimum: 0, description: 'Global position of the last stored event' })
  head!: number;

  @ApiProperty({ type: 'integer', minimum: 0, description: 'head - position' })
  lag!: number;

  @ApiProperty()
  rebuilding!: boolean;

  @ApiPropertyOptional({ description: 'Why it stopped: it stays behind until rebuilt or restarted' })
  failed?: string;
}

/** Where one process manager or reactor stands against the event store (nothing to rebuild: it keeps no view). */
@ApiSchema({ name: 'ProcessManagerStatus' })
export class ProcessManagerStatusSchema implements ProcessManagerStatus {
  @ApiProperty({ example: 'publication' })
  name!: string;

  @ApiProperty({
    type: 'integer',
    minimum: 0,
    description: 'Global position of its checkpoint: every event up to it was handed over',
  })
  position!: number;

  @ApiProperty({ type: 'integer', minimum: 0, description: 'Global position of the last stored event' })
  head!: number;

  @ApiProperty({ type: 'integer', minimum: 0, description: 'head - position' })
  lag!: number;

  @ApiPropertyOptional({ description: 'Why its last batch failed: it is handed over again after a pause' })
  failed?: string;
}

@ApiSchema({ name: 'ProjectionRebuild' })
export class ProjectionRebuildSchema {
  @ApiProperty({ example: 'integrations' })
  name!: string;

  @ApiProperty({ enum: ['rebuilding'] })
  status!: 'rebuilding';
}
