export { AuditModule } from './audit.module';
export { auditExportChunks } from './export-audit-log/audit-export-lines';
