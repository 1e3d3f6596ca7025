import { Global, Module } from '@nestjs/common';
import { IdentityModule } from '../identity';
import {
  ChangeRequestQueriesController,
  GetChangeRequestHandler,
  ListChangeRequestsHandler,
} from './change-request-queries/change-request-queries.http';
import { ChangeRequestViews } from './change-request-queries/change-request-views';
import { ApprovedChanges } from './decide-change-request/approved-changes';
import { DecideChangeRequestHandler } from './decide-change-request/decide-change-request.command';
import { DecideChangeRequestController } from './decide-change-request/decide-change-request.http';
import { ChangeEnvironmentPolicyHandler } from './environment-policy/change-environment-policy.command';
import { EnvironmentPolicyExecutor } from './environment-policy/environment-policy.executor';
import { EnvironmentPolicyController } from './environment-policy/environment-policy.http';
import { FourEyes } from './four-eyes/four-eyes';

/**
 * Four-eyes: each environment's policy, and the change requests it turns governed calls into, decided
 * by a second administrator. Global so the contexts whose calls it governs (connections, publishing)
 * share its one FourEyes, and register the executors of their changes with it.
 */
@Global()
@Module({
  imports: [IdentityModule],
  controllers: [ChangeRequestQueriesController, DecideChangeRequestController, EnvironmentPolicyController],
  providers: [
    FourEyes,
    ChangeRequestViews,
    ApprovedChanges,
    DecideChangeRequestHandler,
    ListChangeRequestsHandler,
    GetChangeRequestHandler,
    ChangeEnvironmentPolicyHandler,
    EnvironmentPolicyExecutor,
  ],
  exports: [FourEyes, ChangeRequestViews],
})
export class GovernanceModule {}
