import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
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

@ApiSchema({ name: 'ProjectionRebuild' })
export class ProjectionRebuildSchema {
  @ApiProperty({ example: 'integrations' })
  name!: string;

  @ApiProperty({ enum: ['rebuilding'] })
  status!: 'rebuilding';
}
