export { AuditModule } from './audit.module';
export { auditExportChunks } from './export-audit-log/audit-export-lines';
export { LiveStream } from './live-stream/live-stream';
export { type LiveNotification } from './live-stream/sse-frames';
export { STREAM_TICKET_SCHEME } from './live-stream/live-stream.params';
