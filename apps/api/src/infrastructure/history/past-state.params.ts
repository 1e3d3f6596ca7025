import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsISO8601, Matches, Max, Min } from 'class-validator';
import { ValidationError } from '@ib/domain';
import { Omittable } from '../http/omittable.decorator';
import { type Moment } from './past-states';

/** RFC 3339: a date, a time and its offset (a time without one would be read in the server's zone). */
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i;

/** `?asOf=`: what was so at a past moment. */
export class AsOfParams {
  @ApiPropertyOptional({
    format: 'date-time',
    example: '2025-01-31T12:00:00Z',
    description:
      'As it was at this moment (after its last event recorded then or before), read from the event log',
  })
  @Omittable()
  @Matches(DATE_TIME, { message: 'asOf must be a date-time with an offset, e.g. 2025-01-31T12:00:00Z' })
  @IsISO8601({ strict: true })
  asOf?: string;

  /** The moment asked, undefined for now. */
  asOfMoment(): Date | undefined {
    return this.asOf === undefined ? undefined : new Date(this.asOf);
  }
}

/** `?asOf=` or `?version=` on the GET of an event-sourced object: the object as it was. */
export class PastStateParams extends AsOfParams {
  @ApiPropertyOptional({
    type: 'integer',
    minimum: 0,
    description: 'As it was at this version (the ETag it had then), read from the event log; not with asOf',
  })
  @Omittable()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  version?: number;

  /** The past state asked for, undefined for the current one. */
  moment(): Moment | undefined {
    const asOf = this.asOfMoment();
    if (asOf !== undefined && this.version !== undefined)
      throw new ValidationError('REQUEST.INVALID', 'The request has invalid fields', [
        { field: 'version', message: 'ask for either asOf or version, not both' },
      ]);
    if (asOf !== undefined) return { asOf };
    return this.version === undefined ? undefined : { version: this.version };
  }
}
