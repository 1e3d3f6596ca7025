import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { PROVIDERS, type Provider } from '@ib/domain';
import { type ConnectionView } from './connections.projection';
import { ConnectionDetailsSchema } from '../connection-details.schema';

/** A connection as the API answers it (`implements` keeps the document in step with the view). */
@ApiSchema({ name: 'Connection' })
export class ConnectionSchema implements ConnectionView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'development' })
  environment!: string;

  @ApiProperty({ example: 'Orders DB (dev)' })
  name!: string;

  @ApiProperty({ enum: PROVIDERS })
  provider!: Provider;

  @ApiProperty({ type: ConnectionDetailsSchema })
  details!: ConnectionDetailsSchema;

  @ApiProperty({ description: 'A password is stored for it (never returned)' })
  hasSecret!: boolean;

  @ApiProperty({ description: 'Who created it (for a request: the approval that created it)' })
  createdBy!: string;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'The connection request it was created from' })
  requestId?: string;

  @ApiPropertyOptional({ description: 'User id of the requester, when created from a request' })
  requestedBy?: string;

  @ApiProperty({ description: 'Always false in answers: deleted connections are not found' })
  deleted!: boolean;

  @ApiProperty({
    type: 'integer',
    minimum: 0,
    description: 'The version of the connection (its ETag): send it as If-Match to change it',
  })
  version!: number;
}
