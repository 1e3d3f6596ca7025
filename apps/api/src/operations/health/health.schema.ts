import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';

@ApiSchema({ name: 'Health' })
export class HealthSchema {
  @ApiProperty({ enum: ['ok'] })
  status!: 'ok';
}

@ApiSchema({ name: 'AuditChainAlarm' })
export class AuditChainAlarmSchema {
  @ApiProperty({ enum: ['broken'] })
  state!: 'broken';

  @ApiProperty({ description: 'Log position of the first altered event', example: 42 })
  position!: number;

  @ApiProperty({ description: 'What was done to it (details: GET /api/audit/verify)', example: 'edited' })
  kind!: string;
}

/** Says only whether the instance serves; positions are for owners (GET /api/projections). */
@ApiSchema({ name: 'Readiness' })
export class ReadinessSchema {
  @ApiProperty({ enum: ['ready', 'unavailable'] })
  status!: 'ready' | 'unavailable';

  @ApiPropertyOptional({
    type: [String],
    example: ['event-feed'],
    description:
      'Background jobs of this instance that keep failing and are retried (e.g. `event-feed` while the ' +
      'Kafka broker is away): the API serves, what they do is late. Details: GET /api/projections',
  })
  degraded?: string[];

  @ApiPropertyOptional({
    type: AuditChainAlarmSchema,
    description: 'Present when this instance found the audit chain broken: a stored event was altered',
  })
  auditChain?: AuditChainAlarmSchema;
}
