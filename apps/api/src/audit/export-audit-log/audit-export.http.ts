import { Controller, Get, Inject, Query as QueryParams, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Readable } from 'node:stream';
import { Ctx, type RequestContext } from '../../identity';
import { CLOCK, type Clock } from '../../infrastructure/clock';
import { ApiProblems } from '../../infrastructure/http/openapi/api-responses';
import { AuditExportParams } from '../search-audit-log/audit-filter.params';
import {
  type AuditExportFormat,
  parseAuditExportFormat,
  parseAuditFilter,
} from '../search-audit-log/audit-filter';
import { AuditExport } from './audit-export';

const CONTENT_TYPES: Readonly<Record<AuditExportFormat, string>> = {
  ndjson: 'application/x-ndjson; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
};

/** `audit-<environment or all>-<UTC time>.<format>`, with nothing in it a header would need to escape. */
export const auditExportFileName = (environment: string | undefined, now: Date, format: AuditExportFormat) =>
  `audit-${(environment ?? 'all').replace(/[^A-Za-z0-9_-]/g, '_')}-${now.toISOString().replace(/[-:]|\.\d+/g, '')}.${format}`;

@ApiTags('audit')
@ApiBearerAuth()
@Controller('api/audit')
export class ExportAuditLogController {
  constructor(
    private readonly exports: AuditExport,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get('export')
  @ApiOperation({
    summary:
      'Download the events of an audit search (same filters and visibility, every page), streamed: ' +
      'NDJSON (one event per line, as the search answers it) or CSV (data as JSON in one field)',
  })
  @ApiProduces(CONTENT_TYPES.ndjson, CONTENT_TYPES.csv)
  @ApiOkResponse({
    description: 'The events, in the order asked for',
    content: {
      'application/x-ndjson': { schema: { type: 'string' } },
      'text/csv': { schema: { type: 'string' } },
    },
    headers: {
      'Content-Disposition': {
        required: true,
        description: 'attachment; filename="audit-<environment or all>-<time>.<format>"',
        schema: { type: 'string', example: 'attachment; filename="audit-all-20250131T120000Z.ndjson"' },
      },
    },
  })
  @ApiProblems({
    400: 'AUDIT.INVALID_FILTER: a bad filter, or a format other than ndjson and csv',
    403: 'AUTH.AUDITOR_REQUIRED: no auditor or admin role (in `environment`, when given), and no owner',
  })
  async export(@QueryParams() params: AuditExportParams, @Ctx() context: RequestContext) {
    const filter = parseAuditFilter(params);
    const format = parseAuditExportFormat(params.format);
    const text = await this.exports.open(context.user, filter, format);
    // Not in object mode: the stream pulls the next page only as the response drains (backpressure).
    return new StreamableFile(Readable.from(text, { objectMode: false }), {
      type: CONTENT_TYPES[format],
      disposition: `attachment; filename="${auditExportFileName(filter.environment, this.clock.now(), format)}"`,
    });
  }
}
