import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsString, Length } from 'class-validator';
import { Ctx, type RequestContext } from '../../auth/request-context.decorator';
import { type HttpReply } from '../../infrastructure/http/http-types';
import { IntegrationViews } from '../integration-queries/integration-views';
import { AddEntitiesCommand } from './add-entities.command';

export class AddEntitiesBody {
  @ApiProperty({ type: [String], example: ['customers', 'orders'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @IsString({ each: true })
  @Length(1, 128, { each: true })
  tables!: string[];
}

@ApiTags('integrations')
@ApiBearerAuth()
@Controller('api/integrations')
export class AddEntitiesController {
  constructor(
    private readonly commands: CommandBus,
    private readonly views: IntegrationViews,
  ) {}

  @Post(':id/entities')
  @HttpCode(200)
  @ApiOperation({ summary: 'Add tables or views of the selected database as entities' })
  @ApiHeader({ name: 'If-Match', required: false })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  async add(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: AddEntitiesBody,
    @Ctx() context: RequestContext,
    @Res({ passthrough: true }) reply: HttpReply,
  ) {
    const outcome = await this.commands.execute(new AddEntitiesCommand(id, body.tables, context));
    return this.views.afterWrite(id, outcome.position, reply);
  }
}
