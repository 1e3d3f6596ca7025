import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';
import { Omittable } from './omittable.decorator';

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 500;
/** Beyond it a number loses integer precision, and SQLite's 64-bit OFFSET fails outright past 2^63. */
const MAX_OFFSET = Number.MAX_SAFE_INTEGER;

/** `?offset=&limit=` on list endpoints; a list's own filters extend it. */
export class PageParams {
  @ApiPropertyOptional({
    type: 'integer',
    minimum: 0,
    maximum: MAX_OFFSET,
    default: 0,
    description: 'Rows to skip',
  })
  @Omittable()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(MAX_OFFSET)
  offset?: number;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    maximum: MAX_PAGE_SIZE,
    default: DEFAULT_PAGE_SIZE,
    description: 'Rows to answer at most; `total` still counts them all',
  })
  @Omittable()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  limit?: number;

  toPage() {
    return { offset: this.offset ?? 0, limit: this.limit ?? DEFAULT_PAGE_SIZE };
  }
}
