import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { NOTIFICATION_KINDS, type NotificationKind } from '@ib/domain';

/** A notification as its recipient reads it. */
@ApiSchema({ name: 'Notification' })
export class NotificationSchema {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ enum: NOTIFICATION_KINDS })
  kind!: NotificationKind;

  @ApiProperty({ example: 'Connection requested: Orders DB (dev)' })
  title!: string;

  @ApiProperty({ description: 'Plain text; lines separated by \\n' })
  body!: string;

  @ApiProperty({
    description: 'The path of what it is about in the console',
    example: '/connection-requests/show/0197a3c2-7d1e-7c4a-9a51-3b9f2e8d4c10',
  })
  link!: string;

  @ApiPropertyOptional({ description: 'The environment it is about' })
  environment?: string;

  @ApiProperty({ format: 'date-time', description: 'When what it tells of happened' })
  createdAt!: string;

  @ApiPropertyOptional({
    format: 'date-time',
    description: 'When the recipient read it; absent while unread',
  })
  readAt?: string;
}

@ApiSchema({ name: 'NotificationPage' })
export class NotificationPageSchema {
  @ApiProperty({ type: [NotificationSchema], description: 'Newest first' })
  items!: NotificationSchema[];

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Send as `after` for the next (older) page; null on the last page',
  })
  next!: string | null;

  @ApiProperty({ type: 'integer', minimum: 0, description: 'How many of all of them are unread' })
  unread!: number;
}
