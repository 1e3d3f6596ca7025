import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsString, Max, MaxLength, Min } from 'class-validator';
import { Omittable } from './omittable.decorator';

/** `?offset=&limit=&environment=` on list endpoints. */
export class PageParams {
  @ApiPropertyOptional({ default: 0 })
  @Omittable()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  offset?: number;

  @ApiPropertyOptional({ default: 50, maximum: 500 })
  @Omittable()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;

  @ApiPropertyOptional()
  @Omittable()
  @IsString()
  @MaxLength(40)
  environment?: string;

  toFilter() {
    return { environment: this.environment, offset: this.offset ?? 0, limit: this.limit ?? 50 };
  }
}
