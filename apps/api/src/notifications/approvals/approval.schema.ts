import { ApiProperty, ApiSchema } from '@nestjs/swagger';

@ApiSchema({ name: 'ApprovalRequester' })
export class ApprovalRequesterSchema {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'dana' })
  username!: string;
}

/** Something waiting for the caller's decision. */
@ApiSchema({ name: 'Approval' })
export class ApprovalSchema {
  @ApiProperty({
    enum: ['connection-request', 'change-request'],
    description: 'What waits: a connection request, or a four-eyes change request someone else asked for',
  })
  kind!: 'connection-request' | 'change-request';

  @ApiProperty({ format: 'uuid', description: 'The id of what waits (the connection or change request)' })
  id!: string;

  @ApiProperty({ example: 'development' })
  environment!: string;

  @ApiProperty({
    example: 'Orders DB (dev)',
    description: 'Its name (the connection asked for), or the summary of the change',
  })
  title!: string;

  @ApiProperty({ type: ApprovalRequesterSchema })
  requestedBy!: ApprovalRequesterSchema;

  @ApiProperty({ format: 'date-time' })
  requestedAt!: string;

  @ApiProperty({
    description: 'Its path in the console',
    example: '/connection-requests/show/0197a3c2-7d1e-7c4a-9a51-3b9f2e8d4c10',
  })
  link!: string;
}

@ApiSchema({ name: 'Approvals' })
export class ApprovalsSchema {
  @ApiProperty({ type: [ApprovalSchema], description: 'Newest first' })
  items!: ApprovalSchema[];
}
