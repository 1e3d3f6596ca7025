import { ApiProperty, ApiSchema } from '@nestjs/swagger';

/** What a call answers (202) instead of changing anything, where four-eyes is on. */
@ApiSchema({ name: 'PendingChange' })
export class PendingChangeSchema {
  @ApiProperty({
    format: 'uuid',
    description: 'GET /api/change-requests/{id}; another administrator approves it',
  })
  changeRequestId!: string;

  @ApiProperty({ enum: ['pending'] })
  status!: 'pending';
}

export const PENDING_CHANGE_RESPONSE = {
  type: PendingChangeSchema,
  description:
    "The environment's policy asks for four eyes: nothing changed yet, a change request waits for " +
    'another administrator of the environment',
} as const;
