import { ApiProperty, ApiPropertyOptional, ApiSchema, OmitType } from '@nestjs/swagger';
import { ApiKeySchema } from '../api-key-queries/api-key.schema';

/**
 * The answer to creating a key: the key as listed, just created, and the key itself once. The
 * controller's answer is typed with this class, so the document follows what it builds.
 */
@ApiSchema({ name: 'CreatedApiKey' })
export class CreatedApiKeySchema extends OmitType(ApiKeySchema, [
  'status',
  'createdBy',
  'revokedBy',
  'revokedAt',
  'usage',
] as const) {
  @ApiProperty({ enum: ['active'] })
  status!: 'active';

  @ApiPropertyOptional({
    pattern: '^ibk_[0-9a-f]{32}_[A-Za-z0-9_-]{43}$',
    description:
      'The key, for the app to send as X-API-Key. Only in the first answer: a retry with the same ' +
      'Idempotency-Key answers the same key without it (it is never stored)',
  })
  key?: string;
}
