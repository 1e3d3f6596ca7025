import { Module } from '@nestjs/common';
import { HealthController } from './health/health.http';
import { ProjectionsStatusController } from './projections-status/projections-status.http';
import { ProviderListController } from './providers/provider-list.http';

/** What operators and the console ask of the installation itself: health, providers, projections. */
@Module({ controllers: [HealthController, ProviderListController, ProjectionsStatusController] })
export class OperationsModule {}
