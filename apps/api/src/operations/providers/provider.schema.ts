import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { PROVIDERS, type Provider } from '@ib/domain';
import { type ProviderDescription, type ProviderField } from './provider-descriptions';

/** One connection detail a provider asks for, as the console's connection form shows it. */
@ApiSchema({ name: 'ProviderField' })
export class ProviderFieldSchema implements ProviderField {
  @ApiProperty({ example: 'host', description: 'The key of `details` it fills' })
  name!: string;

  @ApiProperty({ example: 'Host' })
  label!: string;

  @ApiProperty({ enum: ['string', 'number', 'password', 'boolean', 'choice'] })
  type!: ProviderField['type'];

  @ApiProperty()
  required!: boolean;

  @ApiPropertyOptional({
    type: [String],
    description: 'The values a `choice` field takes, the first being the default',
    example: ['basic', 'oauth2', 'apiKey', 'none'],
  })
  choices?: string[];
}

@ApiSchema({ name: 'Provider' })
export class ProviderSchema implements ProviderDescription {
  @ApiProperty({ enum: PROVIDERS })
  id!: Provider;

  @ApiProperty({ example: 'MySQL / MariaDB' })
  name!: string;

  @ApiProperty()
  available!: boolean;

  @ApiProperty({
    description:
      'An integration of it may be built from the service’s uploaded specification (`PUT /api/integrations/{id}/specification`) before a connection exists',
  })
  specification!: boolean;

  @ApiProperty({ type: [ProviderFieldSchema] })
  fields!: ProviderFieldSchema[];
}
