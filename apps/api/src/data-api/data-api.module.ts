import { Module } from '@nestjs/common';
import { ConnectionsModule } from '../connections';
import { IdentityModule } from '../identity';
import { IntegrationsModule } from '../integrations';
import { PublishingModule } from '../publishing';
import { DataApiRoutes } from './data-api.http';
import { PublishedEntities } from './published-entities';

/**
 * The generated data API: what apps read and write through a published integration. Its five routes
 * are registered on the HTTP adapter by DataApiRoutes (see why there), not by a controller.
 */
@Module({
  imports: [IdentityModule, ConnectionsModule, IntegrationsModule, PublishingModule],
  providers: [PublishedEntities, DataApiRoutes],
  exports: [DataApiRoutes],
})
export class DataApiModule {}
