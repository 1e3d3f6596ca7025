import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional, IsString, MaxLength, Matches, ValidateIf } from 'class-validator';

/** What a promotion's or a binding's body adds to deploy despite the promotion gate's schema mismatch. */
export class GateOverrideBody {
  @ApiPropertyOptional({
    description:
      'Deploy although the database does not match the version (PROMOTION.SCHEMA_MISMATCH); never ' +
      'overrides a failed connection test. Requires a reason, recorded in the event with the differences',
  })
  @IsOptional()
  @IsBoolean()
  force?: boolean;

  @ApiPropertyOptional({
    maxLength: 2000,
    description: 'Why the mismatch is accepted: required with force',
    example: 'The column is added back by tonight’s release',
  })
  @ValidateIf((body: GateOverrideBody) => body.force === true || body.reason !== undefined)
  @IsString()
  @Matches(/\S/, { message: 'reason is required with force' })
  @MaxLength(2000)
  reason?: string;
}
