import { Injectable } from '@nestjs/common';
import {
  type Integration,
  type IntegrationCommand,
  integrationDecider,
  integrationStreamId,
} from '@ib/domain';
import { type RequestContext, EnvironmentAccess } from '../identity';
import { CommandRunner } from '../infrastructure/command-handling/command-runner';

/** Runs a builder command on an existing integration, after checking the caller may build in its environment. */
@Injectable()
export class IntegrationCommands {
  constructor(
    private readonly runner: CommandRunner,
    private readonly environments: EnvironmentAccess,
  ) {}

  run(integrationId: string, command: IntegrationCommand, context: RequestContext) {
    let environment: string | undefined;
    return this.runner.run(integrationStreamId(integrationId), integrationDecider, command, {
      actor: context.actor,
      ifMatch: context.ifMatch,
      get environment() {
        return environment;
      },
      authorize: async (state: Integration) => {
        if (state.status === 'none') return; // the decider answers 404
        environment = state.environment;
        await this.environments.assertIntegrationBuilder(context.user, integrationId, state.environment);
      },
    });
  }
}
