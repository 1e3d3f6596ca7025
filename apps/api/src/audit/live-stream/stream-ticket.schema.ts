import { ApiProperty, ApiSchema } from '@nestjs/swagger';

@ApiSchema({ name: 'StreamTicket' })
export class StreamTicketSchema {
  @ApiProperty({
    pattern: '^[A-Za-z0-9_-]{43}$',
    description: 'Opens one event stream: GET /api/stream?ticket=... within 30 s, once',
  })
  ticket!: string;

  @ApiProperty({ format: 'date-time', description: 'When the ticket stops opening a stream' })
  expiresAt!: string;
}
