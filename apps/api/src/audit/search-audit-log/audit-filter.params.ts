import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsString } from 'class-validator';
import { Omittable } from '../../infrastructure/http/omittable.decorator';
import { AUDIT_AGGREGATES } from './audit-aggregates';
import {
  AUDIT_EXPORT_FORMATS,
  type AuditFilterInput,
  type AuditPageInput,
  DEFAULT_AUDIT_PAGE,
  MAX_AUDIT_PAGE,
} from './audit-filter';

/**
 * The audit filters as the query string carries them: strings, checked together by parseAuditFilter
 * (so one 400 names every bad one); listed here for the API document and so that an unknown
 * parameter is refused.
 */
export class AuditFilterParams implements AuditFilterInput {
  @ApiPropertyOptional({ description: 'Who caused the events: a user id, a username, or `system`' })
  @Omittable()
  @IsString()
  actor?: string;

  @ApiPropertyOptional({
    description: 'Event types, comma-separated (any of them)',
    example: 'ConnectionRequested,ConnectionRequestApproved',
  })
  @Omittable()
  @IsString()
  type?: string;

  @ApiPropertyOptional({
    description: 'One stream, by its exact id',
    example: 'connection-request-0197a3c2-7d1e-7c4a-9a51-3b9f2e8d4c10',
  })
  @Omittable()
  @IsString()
  stream?: string;

  @ApiPropertyOptional({
    enum: AUDIT_AGGREGATES,
    description:
      'A kind of object: its events (with `id`: those of that one object). `deployment` takes the integration id; ' +
      '`publication` a publication id or an integration id (its publications); `user` a user id or a username',
  })
  @Omittable()
  @IsString()
  aggregate?: string;

  @ApiPropertyOptional({ description: 'The id of one object of `aggregate` (needs `aggregate`)' })
  @Omittable()
  @IsString()
  id?: string;

  @ApiPropertyOptional({
    description:
      "One environment's events (you need the auditor or admin role there, or to be an owner); its users' events included",
  })
  @Omittable()
  @IsString()
  environment?: string;

  @ApiPropertyOptional({ description: 'The events of one request (its X-Correlation-Id)' })
  @Omittable()
  @IsString()
  correlationId?: string;

  @ApiPropertyOptional({
    format: 'date-time',
    description: 'Recorded at or after this time (ISO 8601, a date or a date-time with offset)',
  })
  @Omittable()
  @IsString()
  from?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Recorded before this time (ISO 8601)' })
  @Omittable()
  @IsString()
  to?: string;

  @ApiPropertyOptional({ enum: ['desc', 'asc'], default: 'desc', description: 'desc: newest first' })
  @Omittable()
  @IsString()
  order?: string;
}

export class AuditSearchParams extends AuditFilterParams implements AuditPageInput {
  @ApiPropertyOptional({ description: 'The `next` of the page before (same filters and order)' })
  @Omittable()
  @IsString()
  after?: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: MAX_AUDIT_PAGE, default: DEFAULT_AUDIT_PAGE })
  @Omittable()
  @IsString()
  limit?: string;
}

export class AuditExportParams extends AuditFilterParams {
  @ApiPropertyOptional({ enum: AUDIT_EXPORT_FORMATS, default: 'ndjson' })
  @Omittable()
  @IsString()
  format?: string;
}
