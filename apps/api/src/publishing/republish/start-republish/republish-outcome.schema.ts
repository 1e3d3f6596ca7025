import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { type RepublishOutcome } from './start-republish.command';

/** A republish run just started. */
@ApiSchema({ name: 'RepublishOutcome' })
export class RepublishOutcomeSchema implements RepublishOutcome {
  @ApiProperty({ format: 'uuid', description: 'Follow /api/republish-runs/{runId} (the Location)' })
  runId!: string;

  @ApiProperty({
    type: 'string',
    format: 'uuid',
    isArray: true,
    description: 'The integrations it republishes, in order',
  })
  integrationIds!: readonly string[];

  @ApiProperty({ enum: ['running'] })
  status!: 'running';
}
