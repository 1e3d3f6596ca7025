import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { type ProcessManagerStatus } from '../../infrastructure/process-managers/process-manager-runner';
import { type ProjectionStatus } from '../../infrastructure/read-model/projection-runner';
import { JOB_NAMES, type LeaseStatus } from '../../infrastructure/leases/background-jobs';

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

@ApiSchema({ name: 'ProcessError' })
export class ProcessErrorSchema {
  @ApiProperty({ example: 'Connection error: connect ECONNREFUSED 127.0.0.1:9092' })
  message!: string;

  @ApiProperty({ format: 'date-time' })
  at!: string;
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

  @ApiProperty({
    enum: ['running', 'retrying', 'stopped'],
    description:
      'On the instance that answered: running; retrying (its last batch failed and is handed over again ' +
      'after a pause that grows up to 15 s while failures go on); stopped (it runs on the lease holder, ' +
      'or the process is stopping)',
  })
  state!: 'running' | 'retrying' | 'stopped';

  @ApiPropertyOptional({ description: 'Why its last batch failed, while it is retrying' })
  failed?: string;

  @ApiPropertyOptional({
    type: ProcessErrorSchema,
    description: 'Its most recent failure on the instance that answered, kept after it recovered',
  })
  lastError?: ProcessErrorSchema;

  @ApiPropertyOptional({
    description: 'INSTANCE_ID of the instance that runs it (holds the process-managers lease)',
    example: 'api-a',
  })
  holder?: string;
}

/** Which instance runs one background job (`implements` keeps it in step with BackgroundJobs). */
@ApiSchema({ name: 'JobLease' })
export class JobLeaseSchema implements LeaseStatus {
  @ApiProperty({ enum: JOB_NAMES, example: 'projections' })
  job!: string;

  @ApiProperty({ description: 'INSTANCE_ID of the instance that runs it', example: 'api-a' })
  holder!: string;

  @ApiProperty({
    type: 'integer',
    minimum: 1,
    description: 'Fencing token: moves on whenever another instance takes the job over',
  })
  token!: number;

  @ApiProperty({
    format: 'date-time',
    description:
      'Until when the lease holds without renewal; another instance may take the job over after it',
  })
  expiresAt!: string;

  @ApiProperty({ format: 'date-time', description: 'When the holder took the job' })
  acquiredAt!: string;

  @ApiProperty({ description: 'Whether the instance that answered holds it' })
  here!: boolean;
}

@ApiSchema({ name: 'ProjectionRebuild' })
export class ProjectionRebuildSchema {
  @ApiProperty({ example: 'integrations' })
  name!: string;

  @ApiProperty({ enum: ['rebuilding'] })
  status!: 'rebuilding';
}
