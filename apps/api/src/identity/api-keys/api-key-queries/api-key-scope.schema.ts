import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsString,
  IsUUID,
  Length,
  ValidateNested,
} from 'class-validator';
import { Omittable } from '../../../infrastructure/http/omittable.decorator';

/** One entity a key opens, of one of its integrations. */
@ApiSchema({ name: 'ApiKeyEntityScope' })
export class ApiKeyEntityScopeSchema {
  @ApiProperty({ format: 'uuid', description: "The entity's integration (one of the scope's integrations)" })
  @IsUUID()
  integrationId!: string;

  @ApiProperty({ example: 'Customers', description: 'The entity name, as the data API routes name it' })
  @IsString()
  @Length(1, 128)
  entity!: string;
}

/**
 * What of its environment's data API a key reaches. Leave the scope out (or a field of it) for no
 * limit: an unscoped key opens every integration and entity of its environment, reads and writes.
 * Given as a request body and shown as recorded (only what restricts).
 */
@ApiSchema({ name: 'ApiKeyScope' })
export class ApiKeyScopeSchema {
  @ApiPropertyOptional({
    type: [String],
    format: 'uuid',
    minItems: 1,
    maxItems: 100,
    description: 'The key opens only these integrations (leave out for every integration)',
  })
  @Omittable()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true })
  integrations?: string[];

  @ApiPropertyOptional({
    type: [ApiKeyEntityScopeSchema],
    minItems: 1,
    maxItems: 500,
    description:
      'Within an integration named here, only these entities (its others stay closed); an integration ' +
      'not named here opens all its entities. Each must be of one of `integrations`',
  })
  @Omittable()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => ApiKeyEntityScopeSchema)
  entities?: ApiKeyEntityScopeSchema[];

  @ApiPropertyOptional({
    type: Boolean,
    description: 'Only reads (list, get): a create, update or delete is refused with 403 API_KEY.READ_ONLY',
  })
  @Omittable()
  @IsBoolean()
  readOnly?: boolean;
}

/** A day's calls of a key (UTC). */
@ApiSchema({ name: 'ApiKeyDailyCalls' })
export class ApiKeyDailyCallsSchema {
  @ApiProperty({ format: 'date', example: '2025-03-04' })
  day!: string;

  @ApiProperty({ type: 'integer', minimum: 1 })
  calls!: number;
}

/** What a key was used for lately. */
@ApiSchema({ name: 'ApiKeyUsage' })
export class ApiKeyUsageSchema {
  @ApiPropertyOptional({ format: 'date-time', description: 'Its last data API call; absent if never used' })
  lastUsedAt?: string;

  @ApiProperty({
    type: [ApiKeyDailyCallsSchema],
    description:
      'Its data API calls per day (UTC) over the last 30 days, newest first; days without calls left out',
  })
  callsPerDay!: ApiKeyDailyCallsSchema[];
}
