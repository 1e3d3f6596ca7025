import { Controller, Get, Query as QueryParams } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Ctx, type RequestContext } from '../../identity';
import { ApiProblems } from '../../infrastructure/http/openapi/api-responses';
import { AuditSearchParams } from './audit-filter.params';
import { parseAuditFilter, parseAuditPage } from './audit-filter';
import { AuditPageSchema } from './audit-item.schema';
import { SearchAuditLogQuery } from './search-audit-log.query';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('api/audit')
export class SearchAuditLogController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiOperation({
    summary:
      'Search the audit log: the events the caller may read (owners: all; auditors and administrators: ' +
      'those of their environments), newest first, a page at a time through `next`',
  })
  @ApiOkResponse({ type: AuditPageSchema })
  @ApiProblems({
    400: 'AUDIT.INVALID_FILTER: an unknown aggregate, id without aggregate, a bad time, limit or cursor',
    403: 'AUTH.AUDITOR_REQUIRED: no auditor or admin role (in `environment`, when given), and no owner',
  })
  search(@QueryParams() params: AuditSearchParams, @Ctx() context: RequestContext) {
    const filter = parseAuditFilter(params);
    const page = parseAuditPage(params, filter.order);
    return this.queries.execute(new SearchAuditLogQuery(context.user, filter, page));
  }
}
