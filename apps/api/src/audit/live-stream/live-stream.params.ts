import { ApiHideProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsString } from 'class-validator';
import { Omittable } from '../../infrastructure/http/omittable.decorator';

/** The stream's credentials in the API document: a ticket in the query string. */
export const STREAM_TICKET_SCHEME = 'streamTicket';

/** The stream's query string: strings, checked by the controller (a missing ticket is 401, not 400). */
export class LiveStreamParams {
  /** Documented as the operation's security scheme (STREAM_TICKET_SCHEME), not as a parameter. */
  @ApiHideProperty()
  @Omittable()
  @IsString()
  ticket?: string;

  @ApiPropertyOptional({
    description:
      'Resume after this position (the id of the last `change` received), as the Last-Event-ID ' +
      'header does; for a new EventSource, which cannot set that header. The header wins when both are sent',
    example: '42',
  })
  @Omittable()
  @IsString()
  lastEventId?: string;
}
