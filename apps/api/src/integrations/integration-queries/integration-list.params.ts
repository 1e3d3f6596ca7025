import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsString, MaxLength } from 'class-validator';
import { Omittable } from '../../infrastructure/http/omittable.decorator';
import { PageParams } from '../../infrastructure/http/page-params';
import { INTEGRATION_ORDERS, type IntegrationOrder } from './integration-views';

/** `?offset=&limit=&environment=&sort=` on the integration list. */
export class IntegrationListParams extends PageParams {
  @ApiPropertyOptional({ description: 'Only the integrations of this environment (one you have a role in)' })
  @Omittable()
  @IsString()
  @MaxLength(40)
  environment?: string;

  @ApiPropertyOptional({
    enum: INTEGRATION_ORDERS,
    default: '-updatedAt',
    description: 'The order of the list: a field, descending with a leading `-`',
  })
  @Omittable()
  @IsIn(INTEGRATION_ORDERS)
  sort?: IntegrationOrder;

  toFilter() {
    return { environment: this.environment, sort: this.sort ?? '-updatedAt', ...this.toPage() };
  }
}
