import { Controller, Get, HttpCode, Inject, Post, Query as QueryParams, Req, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiSecurity,
  ApiTags,
} from '@nestjs/swagger';
import { userStreamId } from '@ib/domain';
import { type AuthenticatedUser, Ctx, Public, type RequestContext } from '../../identity';
import { Unauthenticated } from '../../infrastructure/access/access-errors';
import { CLOCK, type Clock } from '../../infrastructure/clock';
import { EVENT_STORE, type EventStore } from '../../infrastructure/event-store/event-store.port';
import { HttpProblem } from '../../infrastructure/http/http-problem';
import { type HttpReply, type HttpRequest } from '../../infrastructure/http/http-types';
import { ApiProblems } from '../../infrastructure/http/openapi/api-responses';
import { ShownOnce } from '../../infrastructure/idempotency/shown-once';
import { LiveStream } from './live-stream';
import { LiveStreamParams, STREAM_TICKET_SCHEME } from './live-stream.params';
import { takeOver } from './raw-exchange';
import { StreamTicketSchema } from './stream-ticket.schema';
import { STREAM_TICKETS, type StreamTickets, type TicketHolder } from './stream-tickets.port';

/** Both the same: a ticket that opens nothing says nothing about why (expired, spent, or never issued). */
const invalidTicket = () =>
  new Unauthenticated(
    'AUTH.INVALID_STREAM_TICKET',
    'The stream ticket is invalid, expired or already used; ask POST /api/stream/tickets for a new one',
  );

const POSITION = /^(0|[1-9]\d{0,15})$/;

/** Last-Event-ID (header first, as a reconnecting EventSource sends it) or `lastEventId`: a log position. */
function resumePosition(request: HttpRequest, params: LiveStreamParams): number | undefined {
  const header = request.headers['last-event-id'];
  const raw = (Array.isArray(header) ? header[0] : header) ?? params.lastEventId;
  if (raw === undefined || raw.trim() === '') return undefined;
  const value = raw.trim();
  if (!POSITION.test(value) || !Number.isSafeInteger(Number(value)))
    throw HttpProblem.badRequest(
      'STREAM.INVALID_LAST_EVENT_ID',
      'Last-Event-ID (or lastEventId) must be the id of a change received on this stream',
    );
  return Number(value);
}

const viewerOf = (holder: TicketHolder): AuthenticatedUser => ({
  id: holder.userId,
  username: holder.username,
  roles: holder.roles,
  owner: holder.owner,
  environment: '',
});

@ApiTags('stream')
@Controller('api/stream')
export class LiveStreamController {
  constructor(
    private readonly live: LiveStream,
    @Inject(STREAM_TICKETS) private readonly tickets: StreamTickets,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post('tickets')
  @HttpCode(200)
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'A ticket that opens one event stream (GET /api/stream?ticket=...): single use, valid 30 s',
    description:
      'A browser cannot set Authorization on an EventSource, and a bearer token in a URL would end up ' +
      'in logs and histories: the stream is opened with this ticket instead. It is bound to the caller ' +
      'as they are now; the stream it opens shows what their roles may see.',
  })
  @ShownOnce('ticket')
  @ApiOkResponse({ type: StreamTicketSchema, headers: { 'Cache-Control': { schema: { type: 'string' } } } })
  async issue(
    @Ctx() { user }: RequestContext,
    @Res({ passthrough: true }) reply: HttpReply,
  ): Promise<StreamTicketSchema> {
    const { version } = await this.store.readStream(userStreamId(user.username));
    const { ticket, expiresAt } = await this.tickets.issue(
      {
        userId: user.id,
        username: user.username,
        owner: user.owner,
        roles: user.roles,
        userStreamVersion: version,
      },
      this.clock.now(),
    );
    reply.header('Cache-Control', 'no-store');
    return { ticket, expiresAt: expiresAt.toISOString() };
  }

  @Public()
  @ApiSecurity(STREAM_TICKET_SCHEME)
  @Get()
  @ApiOperation({
    summary:
      'Server-sent events of what changes: `event: change` (id: the position; data: `{ type, streamId, position }`, ' +
      'never the event data) for every stored event the ticket holder may see, and `event: notification` ' +
      '(data: `{ id, kind, title, link }`) for their new notifications',
    description:
      'Opened with a ticket (POST /api/stream/tickets), not a bearer token. A comment line `: heartbeat` ' +
      'comes every STREAM_HEARTBEAT_MS (15 s). With Last-Event-ID (or `lastEventId`) the changes after ' +
      'that position come first, then the live ones; a resume too far back gets `event: reset` ' +
      '(reload, then follow from its id). A ticket opens one stream: when the stream ends (it does when ' +
      "the holder's own user changes: roles, password, logout), the client asks for a new ticket and " +
      'opens a new EventSource with `lastEventId`. A client that reads too slowly is disconnected.',
  })
  @ApiHeader({ name: 'Last-Event-ID', required: false, description: 'Resume after this position' })
  @ApiProduces('text/event-stream')
  @ApiOkResponse({
    description: 'The stream (never ends by itself)',
    content: { 'text/event-stream': { schema: { type: 'string' } } },
  })
  @ApiProblems({
    400: 'STREAM.INVALID_LAST_EVENT_ID: Last-Event-ID or lastEventId is not a position',
    401:
      'AUTH.INVALID_STREAM_TICKET: no ticket, or one that is expired or already used; ' +
      "AUTH.SESSION_ENDED: the holder's user changed since the ticket was issued",
  })
  async open(
    @QueryParams() params: LiveStreamParams,
    @Req() request: HttpRequest,
    @Res() reply: unknown,
  ): Promise<void> {
    const resumeAfter = resumePosition(request, params);
    if (params.ticket === undefined) throw invalidTicket();
    const holder = await this.tickets.redeem(params.ticket, this.clock.now());
    if (holder === undefined) throw invalidTicket();
    await this.live.open(
      viewerOf(holder),
      resumeAfter,
      async () => {
        // What the ticket was issued with no longer holds once the user's stream moved on.
        const { version } = await this.store.readStream(userStreamId(holder.username));
        if (version !== holder.userStreamVersion)
          throw new Unauthenticated('AUTH.SESSION_ENDED', 'This session has changed; ask for a new ticket');
      },
      () => takeOver(request, reply),
    );
  }
}
