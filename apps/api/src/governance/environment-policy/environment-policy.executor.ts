import { Injectable, type OnModuleInit } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { FourEyes } from '../four-eyes/four-eyes';
import { ChangeEnvironmentPolicyCommand } from './change-environment-policy.command';

/** An approved switch of four-eyes off runs the policy command the route runs. */
@Injectable()
export class EnvironmentPolicyExecutor implements OnModuleInit {
  constructor(
    private readonly fourEyes: FourEyes,
    private readonly commands: CommandBus,
  ) {}

  onModuleInit(): void {
    this.fourEyes.register('environment-policy', (change, context, { environment }) =>
      this.commands.execute(new ChangeEnvironmentPolicyCommand(environment, change.fourEyes, context)),
    );
  }
}
