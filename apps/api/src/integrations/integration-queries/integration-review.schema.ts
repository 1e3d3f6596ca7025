import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { PROVIDERS, type Provider } from '@ib/domain';
import { type IntegrationReview } from './integration-review.query';
import { IntegrationSchema } from './integration.schema';

@ApiSchema({ name: 'ReviewedConnection' })
export class ReviewedConnectionSchema implements NonNullable<IntegrationReview['connection']> {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'Orders DB (dev)' })
  name!: string;

  @ApiProperty({ enum: PROVIDERS })
  provider!: Provider;
}

/** The wizard's last step (`implements` keeps the document in step with the query's answer). */
@ApiSchema({ name: 'IntegrationReview' })
export class IntegrationReviewSchema implements IntegrationReview {
  @ApiProperty({ type: IntegrationSchema })
  integration!: IntegrationSchema;

  @ApiProperty({
    type: ReviewedConnectionSchema,
    nullable: true,
    description: 'The selected connection (also once deleted: see problems); null when none is selected',
  })
  connection!: ReviewedConnectionSchema | null;

  @ApiProperty({ description: 'Nothing blocks publishing: `problems` is empty' })
  readyToPublish!: boolean;

  @ApiProperty({
    type: [String],
    example: ['Select a database'],
    description: 'What still blocks publishing',
  })
  problems!: string[];
}
