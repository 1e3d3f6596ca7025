import { type ApiKeyScope } from '@ib/domain';
import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { ApiKeyScopeSchema, ApiKeyUsageSchema } from './api-key-scope.schema';
import { type ApiKeyView } from './api-keys.projection';

/** An app's key as admins list it: never the key, only its last characters to tell keys apart. */
@ApiSchema({ name: 'ApiKey' })
export class ApiKeySchema implements ApiKeyView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'development' })
  environment!: string;

  @ApiProperty({ example: 'Warehouse app', maxLength: 100 })
  appName!: string;

  @ApiProperty({ example: 'CI pipeline', maxLength: 200, description: 'Empty when none was given' })
  label!: string;

  @ApiProperty({
    example: 'x7Qa',
    minLength: 4,
    maxLength: 4,
    description: 'The last 4 characters of the key',
  })
  hint!: string;

  @ApiPropertyOptional({
    type: ApiKeyScopeSchema,
    description:
      'What of the data API the key reaches; absent: every integration and entity, reads and writes',
  })
  scope?: ApiKeyScope;

  @ApiProperty({ enum: ['active', 'revoked'] })
  status!: ApiKeyView['status'];

  @ApiProperty({ description: 'User id of who created it' })
  createdBy!: string;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiPropertyOptional({ description: 'User id of who revoked it (revoked only)' })
  revokedBy?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Revoked only' })
  revokedAt?: string;

  @ApiProperty({ type: ApiKeyUsageSchema, description: 'Its data API calls: the last one and per day' })
  usage!: ApiKeyUsageSchema;
}
