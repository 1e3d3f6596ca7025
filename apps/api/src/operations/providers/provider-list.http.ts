import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiList } from '../../infrastructure/http/openapi/api-responses';
import { PROVIDER_DESCRIPTIONS } from './provider-descriptions';
import { ProviderSchema } from './provider.schema';

@ApiTags('providers')
@ApiBearerAuth()
@Controller('api/providers')
export class ProviderListController {
  @Get()
  @ApiOperation({ summary: 'Database providers' })
  @ApiList(ProviderSchema)
  list() {
    return { items: PROVIDER_DESCRIPTIONS, total: PROVIDER_DESCRIPTIONS.length };
  }
}
