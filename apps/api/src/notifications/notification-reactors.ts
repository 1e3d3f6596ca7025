import { Injectable, type OnModuleInit } from '@nestjs/common';
import { ProcessManagerRunner } from '../infrastructure/process-managers/process-manager-runner';
import { Mailer } from './mail/mailer.reactor';
import { Notifier } from './notify/notifier.reactor';

/**
 * Registers the notifier, then the mailer, with the process managers' runner: both run under its
 * lease, each from its own checkpoint, and show in GET /api/projections.
 */
@Injectable()
export class NotificationReactors implements OnModuleInit {
  constructor(
    private readonly notifier: Notifier,
    private readonly mailer: Mailer,
    private readonly processes: ProcessManagerRunner,
  ) {}

  onModuleInit(): void {
    this.processes.register(this.notifier);
    this.processes.register(this.mailer);
  }
}
