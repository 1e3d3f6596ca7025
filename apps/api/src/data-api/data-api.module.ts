import { Module } from '@nestjs/common';
import { ConnectionsModule } from '../connections';
import { IdentityModule } from '../identity';
import { PublishingModule } from '../publishing';
import { DataApiController } from './data-api.http';
import { PublishedEntities } from './published-entities';

/** The generated data API: what apps read and write through a published integration. */
@Module({
  imports: [IdentityModule, ConnectionsModule, PublishingModule],
  controllers: [DataApiController],
  providers: [PublishedEntities],
  exports: [PublishedEntities],
})
export class DataApiModule {}
