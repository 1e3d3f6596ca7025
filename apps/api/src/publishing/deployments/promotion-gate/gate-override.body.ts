import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional, Matches, ValidateIf } from 'class-validator';

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
  // One rule, so a missing reason is named once: some text, at most 2000 characters.
  @Matches(/^(?=[\s\S]*\S)[\s\S]{1,2000}$/, {
    message: 'reason is required with force (at most 2000 characters)',
  })
  reason?: string;
}
