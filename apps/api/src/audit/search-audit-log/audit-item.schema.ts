import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { type AuditItem } from './audit-item';

@ApiSchema({ name: 'AuditActor' })
export class AuditActorSchema {
  @ApiProperty({ description: 'The actor id the event records: a user id, or `system`' })
  id!: string;

  @ApiProperty({ description: "The user's username; an actor that is no user (`system`) keeps its id" })
  username!: string;
}

/** One event of the audit log. */
@ApiSchema({ name: 'AuditEvent' })
export class AuditEventSchema implements AuditItem {
  @ApiProperty({ type: 'integer', minimum: 1, description: 'Global position: the order of the log' })
  position!: number;

  @ApiProperty({ format: 'uuid' })
  eventId!: string;

  @ApiProperty({ description: 'The event type, a past-tense fact', example: 'IntegrationCreated' })
  type!: string;

  @ApiProperty({ example: 'integration-0197a3c2-7d1e-7c4a-9a51-3b9f2e8d4c10' })
  streamId!: string;

  @ApiProperty({ type: 'integer', minimum: 0 })
  streamVersion!: number;

  @ApiProperty({ format: 'date-time' })
  recordedAt!: string;

  @ApiProperty({ type: AuditActorSchema })
  actor!: AuditActorSchema;

  @ApiProperty({
    type: String,
    nullable: true,
    description:
      'The environment the event was recorded in; null for user events (a user spans environments)',
  })
  environment!: string | null;

  @ApiProperty({ description: 'Shared by every event of one request (X-Correlation-Id)' })
  correlationId!: string;

  @ApiProperty({ description: 'The request (or event) that caused this event' })
  causationId!: string;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'The event data as recorded (secrets are never recorded, only references to them)',
  })
  data!: object;
}

@ApiSchema({ name: 'AuditPage' })
export class AuditPageSchema {
  @ApiProperty({ type: [AuditEventSchema] })
  items!: AuditEventSchema[];

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Send as `after` (with the same filters and order) for the next page; null on the last page',
  })
  next!: string | null;
}
