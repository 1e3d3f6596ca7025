import { ApiProperty, ApiSchema } from '@nestjs/swagger';

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
}
