import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { PROVIDERS, type Provider } from '@ib/domain';
import { ConnectionDetailsSchema } from '../connection-details.schema';
import { type ConnectionRequestStatus, type ConnectionRequestView } from './connection-requests.projection';

export const CONNECTION_REQUEST_STATUSES: readonly ConnectionRequestStatus[] = [
  'pending',
  'approved',
  'rejected',
  'cancelled',
];

/** A connection request as the API answers it (`implements` keeps the document in step with the view). */
@ApiSchema({ name: 'ConnectionRequest' })
export class ConnectionRequestSchema implements ConnectionRequestView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'development' })
  environment!: string;

  @ApiProperty({ example: 'Orders DB (dev)', description: 'The name of the connection asked for' })
  name!: string;

  @ApiProperty({ enum: PROVIDERS })
  provider!: Provider;

  @ApiProperty({ type: ConnectionDetailsSchema })
  details!: ConnectionDetailsSchema;

  @ApiPropertyOptional({ description: 'A word for the administrator' })
  note?: string;

  @ApiProperty({ enum: CONNECTION_REQUEST_STATUSES })
  status!: ConnectionRequestStatus;

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
    format: 'uuid',
    description: 'The connection the approval created (approved requests only)',
  })
  connectionId?: string;

  @ApiProperty({
    type: 'integer',
    minimum: 0,
    description: 'The version of the request (its ETag): send it as If-Match to decide it',
  })
  version!: number;
}
