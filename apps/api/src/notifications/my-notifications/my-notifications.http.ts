import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsString, Max, MaxLength, Min } from 'class-validator';
import { ValidationError } from '@ib/domain';
import { Ctx, type RequestContext } from '../../identity';
import { ApiProblems } from '../../infrastructure/http/openapi/api-responses';
import { Omittable } from '../../infrastructure/http/omittable.decorator';
import { MyNotifications } from './my-notifications';
import { decodeNotificationCursor } from './notification-cursor';
import { NotificationPageSchema, NotificationSchema } from './notification.schema';

const DEFAULT_LIMIT = 20;
const MAX_LIMIT = 100;

/** `?after=&limit=` on the caller's notifications. */
export class NotificationPageParams {
  @ApiPropertyOptional({ description: 'The `next` of the page before' })
  @Omittable()
  @IsString()
  @MaxLength(32)
  after?: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: MAX_LIMIT, default: DEFAULT_LIMIT })
  @Omittable()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_LIMIT)
  limit?: number;

  toPage(): Readonly<{ after?: number; limit: number }> {
    const limit = this.limit ?? DEFAULT_LIMIT;
    if (this.after === undefined) return { limit };
    const after = decodeNotificationCursor(this.after);
    if (after === undefined)
      throw new ValidationError('NOTIFICATION.INVALID_CURSOR', 'The cursor is invalid', [
        { field: 'after', message: 'after must be the `next` of a page of this list' },
      ]);
    return { after, limit };
  }
}

const NOT_FOUND = 'NOTIFICATION.NOT_FOUND: no notification of that id is yours';

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('api/notifications')
export class MyNotificationsController {
  constructor(private readonly notifications: MyNotifications) {}

  @Get()
  @ApiOperation({
    summary: 'Your notifications, newest first, a page at a time through `next`, with how many are unread',
  })
  @ApiOkResponse({ type: NotificationPageSchema })
  @ApiProblems({ 400: 'NOTIFICATION.INVALID_CURSOR, or a limit out of range' })
  list(@Query() params: NotificationPageParams, @Ctx() context: RequestContext) {
    return this.notifications.page(context.user.id, params.toPage());
  }

  // Before `:id/read`, though their paths differ in length: the literal route reads first.
  @Post('read-all')
  @HttpCode(204)
  @ApiOperation({ summary: 'Mark every one of your notifications read' })
  @ApiNoContentResponse({ description: 'All read (also when they already were)' })
  async readAll(@Ctx() context: RequestContext): Promise<void> {
    await this.notifications.readAll(context.user.id);
  }

  @Post(':id/read')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark one of your notifications read' })
  @ApiParam({ name: 'id', format: 'uuid', description: 'The notification id' })
  @ApiOkResponse({
    type: NotificationSchema,
    description: 'The notification, read (also when it already was)',
  })
  @ApiProblems({ 400: 'The id is not a UUID', 404: NOT_FOUND })
  read(@Param('id', ParseUUIDPipe) id: string, @Ctx() context: RequestContext) {
    return this.notifications.read(context.user.id, id);
  }
}
