import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { type PublishOutcome } from './publication-starter';

/** The publication that answers a publish request: the one it started, or one that already answered it. */
@ApiSchema({ name: 'PublishOutcome' })
export class PublishOutcomeSchema implements PublishOutcome {
  @ApiProperty({ format: 'uuid', description: 'Follow /api/publications/{publicationId} (the Location)' })
  publicationId!: string;

  @ApiProperty({ type: 'integer', minimum: 1, example: 1, description: 'The version it gives' })
  version!: number;

  @ApiProperty({
    enum: ['running', 'published'],
    description:
      '`running`: a publication started (by this request or a running one of the same draft); ' +
      '`published`: the draft has not changed since that version was published',
  })
  status!: PublishOutcome['status'];
}
