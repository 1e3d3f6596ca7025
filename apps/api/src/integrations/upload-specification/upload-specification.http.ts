import { Body, Controller, Param, ParseUUIDPipe, Put, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBearerAuth,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MinLength } from 'class-validator';
import { Ctx, type RequestContext } from '../../identity';
import { type HttpReply } from '../../infrastructure/http/http-types';
import { ApiProblems, ETAG_HEADER } from '../../infrastructure/http/openapi/api-responses';
import { IntegrationSchema } from '../integration-queries/integration.schema';
import { IntegrationViews } from '../integration-queries/integration-views';
import { type SpecificationEncoding } from './service-specifications';
import { UploadSpecificationCommand } from './upload-specification.command';

export class UploadSpecificationBody {
  @ApiProperty({
    description:
      'The service’s `$metadata` document (EDMX, OData v2 or v4): as it is, or gzip-compressed and base64-encoded (`encoding`)',
  })
  @IsString()
  @MinLength(1)
  document!: string;

  @ApiPropertyOptional({
    enum: ['text', 'gzip-base64'],
    default: 'text',
    description: '`gzip-base64` fits a large document (up to 32 MiB uncompressed) in the 1 MiB request body',
  })
  @IsOptional()
  @IsIn(['text', 'gzip-base64'])
  encoding?: SpecificationEncoding;
}

@ApiTags('integrations')
@ApiBearerAuth()
@Controller('api/integrations')
export class UploadSpecificationController {
  constructor(
    private readonly commands: CommandBus,
    private readonly views: IntegrationViews,
  ) {}

  @Put(':id/specification')
  @ApiOperation({
    summary: 'Build the integration from the service’s specification while no connection exists (OData)',
    description:
      'Its entity sets become the tables of the wizard’s next steps. A connection selected later is used instead; publishing without one deploys a version that serves data once a connection is selected or bound.',
  })
  @ApiHeader({ name: 'If-Match', required: false })
  @ApiParam({ name: 'id', format: 'uuid', description: 'The integration id' })
  @ApiOkResponse({ type: IntegrationSchema, headers: ETAG_HEADER })
  @ApiProblems({
    400: 'INTEGRATION.SPECIFICATION_INVALID: not an EDMX document, one without entity sets, bad gzip-base64 or over 32 MiB; a missing document or an id that is not a UUID',
    404: 'INTEGRATION.NOT_FOUND: no such integration, or one of an environment the caller holds no role in',
    409: 'INTEGRATION.OPEN_LOCKED: converted to open; INTEGRATION.SPECIFICATION_NOT_SUPPORTED: the provider is built from a connection only',
    412: 'PRECONDITION_FAILED: If-Match names another version of the integration',
    413: 'The body is larger than 1 MiB: send the document gzip-compressed (`encoding: gzip-base64`)',
  })
  async upload(
    @Param('id', ParseUUIDPipe) id: string,
    @Body() body: UploadSpecificationBody,
    @Ctx() context: RequestContext,
    @Res({ passthrough: true }) reply: HttpReply,
  ) {
    const outcome = await this.commands.execute(
      new UploadSpecificationCommand(id, body.document, body.encoding ?? 'text', context),
    );
    return this.views.afterWrite(id, outcome, reply);
  }
}
