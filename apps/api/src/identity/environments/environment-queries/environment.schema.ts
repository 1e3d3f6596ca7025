import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { ENVIRONMENT_KINDS, type EnvironmentKind } from '@ib/domain';
import { type EnvironmentView } from './environments.projection';

/** An environment as the API answers it (`implements` keeps the document in step with the view). */
@ApiSchema({ name: 'Environment' })
export class EnvironmentSchema implements EnvironmentView {
  @ApiProperty({ example: 'qa', pattern: '^[a-z][a-z0-9-]{0,39}$' })
  name!: string;

  @ApiProperty({ enum: ENVIRONMENT_KINDS })
  kind!: EnvironmentKind;

  @ApiPropertyOptional({ example: 'https://qa.example.com' })
  address?: string;

  @ApiProperty({ description: 'User id of its creator (`system` for the first development environment)' })
  createdBy!: string;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({
    description:
      'Whether changes there (promotions, bindings, connections) need a second administrator: ' +
      'on by default in production (PUT /api/environments/{env}/policy)',
  })
  fourEyes!: boolean;
}
