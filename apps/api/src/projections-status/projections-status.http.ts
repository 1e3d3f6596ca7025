import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ProjectionRunner } from '../infrastructure/read-model/projection-runner';

@ApiTags('projections')
@ApiBearerAuth()
@Controller('api/projections')
export class ProjectionsStatusController {
  constructor(private readonly projections: ProjectionRunner) {}

  @Get()
  @ApiOperation({ summary: 'Each projection’s checkpoint, the event store head and the lag between them' })
  async status() {
    const items = await this.projections.status();
    return { items, total: items.length };
  }
}
