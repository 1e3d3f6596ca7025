import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { CHANGE_KINDS, type ChangeKind } from '@ib/domain';
import {
  type ChangeRequestView,
  type ChangeRequestViewStatus,
  type ShownChange,
} from './change-requests.projection';

export const CHANGE_REQUEST_STATUSES: readonly ChangeRequestViewStatus[] = [
  'pending',
  'approved',
  'applied',
  'failed',
  'rejected',
  'cancelled',
];

/** A change request as the API answers it (`implements` keeps the document in step with the view). */
@ApiSchema({ name: 'ChangeRequest' })
export class ChangeRequestSchema implements ChangeRequestView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'production', description: 'The environment whose policy asked for four eyes' })
  environment!: string;

  @ApiProperty({ enum: CHANGE_KINDS })
  kind!: ChangeKind;

  @ApiProperty({ example: 'Promote version 2 of Orders to production' })
  summary!: string;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description:
      'The change as the call asked for it (`kind`, the ids it names, the body it sent); never a password',
  })
  change!: ShownChange;

  @ApiProperty({ enum: CHANGE_REQUEST_STATUSES })
  status!: ChangeRequestViewStatus;

  @ApiProperty({ format: 'uuid', description: 'User id of the requester' })
  requestedBy!: string;

  @ApiProperty({ format: 'date-time' })
  requestedAt!: string;

  @ApiPropertyOptional({ description: 'Who approved, rejected or cancelled it (absent while pending)' })
  decidedBy?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Absent while pending' })
  decidedAt?: string;

  @ApiPropertyOptional({ description: 'Why it was rejected (rejected requests only)' })
  reason?: string;

  @ApiPropertyOptional({
    format: 'date-time',
    description: 'When the approved change was applied or refused',
  })
  completedAt?: string;

  @ApiPropertyOptional({ description: 'Why the approved change was refused when it ran (failed only)' })
  failureCode?: string;

  @ApiPropertyOptional({ description: 'The refusal, in words (failed only)' })
  failureMessage?: string;

  @ApiProperty({ type: 'integer', minimum: 0, description: 'The version of the request (its ETag)' })
  version!: number;
}
