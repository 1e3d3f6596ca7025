import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';

@ApiSchema({ name: 'Health' })
export class HealthSchema {
  @ApiProperty({ enum: ['ok'] })
  status!: 'ok';
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
}
