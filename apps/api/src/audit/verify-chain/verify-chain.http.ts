import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ForbiddenError, ValidationError } from '@ib/domain';
import { Ctx, environmentsAllowing, type RequestContext } from '../../identity';
import { AuditChainMonitor } from '../../infrastructure/audit-chain/audit-chain-monitor';
import { ApiProblems } from '../../infrastructure/http/openapi/api-responses';
import { ChainVerificationSchema } from './chain-verification.schema';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('api/audit/verify')
export class VerifyChainController {
  constructor(private readonly chain: AuditChainMonitor) {}

  @Get()
  @ApiOperation({
    summary:
      'Recomputes the hash chain over every stored event and checks the signed checkpoints: says whether ' +
      'any stored event was edited, deleted, inserted or moved, and where first (owners, admins and auditors)',
  })
  @ApiOkResponse({ type: ChainVerificationSchema })
  @ApiProblems({
    400: 'AUDIT.CHAIN_UNSUPPORTED: this event store keeps no hash chain',
    403: 'AUTH.AUDITOR_REQUIRED: the caller is neither an owner nor an auditor or admin of an environment',
  })
  async verify(@Ctx() { user }: RequestContext): Promise<ChainVerificationSchema> {
    if (!user.owner && environmentsAllowing(user, 'audit.read').length === 0)
      throw new ForbiddenError(
        'AUTH.AUDITOR_REQUIRED',
        'Verifying the audit log needs the auditor or admin role',
      );
    if (!this.chain.log)
      throw new ValidationError('AUDIT.CHAIN_UNSUPPORTED', 'This event store keeps no hash chain');
    const started = performance.now();
    const verification = await this.chain.verifyWholeLog();
    return {
      ok: verification.ok,
      checked: verification.checked,
      head: verification.head,
      firstMismatch: verification.firstMismatch,
      keyConfigured: this.chain.keyConfigured,
      checkpoints: verification.checkpoints,
      tookMs: Math.round(performance.now() - started),
    };
  }
}
