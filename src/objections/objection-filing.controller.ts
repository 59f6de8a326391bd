import { ApiController } from '../common/api-controller.decorator';
import { Headers, HttpCode, Post, Req, Res } from '@nestjs/common';
import {
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiHeader,
  ApiTags,
  getSchemaPath,
  ApiExtraModels,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AbuseLimit } from '../abuse/abuse-limit.decorator';
import { CitizenSessionService } from '../citizens/citizen-session.service';
import { withCitizenDetails } from '../citizens/citizen-filing';
import { validateInput } from '../common/problems/validation';
import { CurrentTenant, TenantContext } from '../tenancy/tenant-context';
import { FileObjectionDto, FilingResponseDto } from './dto/file-objection.dto';
import { readFilingRequest } from './filing-request.reader';
import { ObjectionFilingService } from './objection-filing.service';

@ApiTags('citizens')
@ApiExtraModels(FileObjectionDto)
@ApiController('tenants/:tenant/objections')
export class ObjectionFilingController {
  constructor(
    private readonly filing: ObjectionFilingService,
    private readonly citizens: CitizenSessionService,
  ) {}

  /**
   * Files an objection; the same Idempotency-Key with the same body answers with the first result. A citizen
   * logged in with DigiD files signed (Awb 2:16) and need not repeat the name and address the login gave.
   */
  @Post()
  @HttpCode(201)
  @AbuseLimit('filing')
  @ApiConsumes('application/json', 'multipart/form-data')
  @ApiHeader({
    name: 'Idempotency-Key',
    required: true,
    description: 'A unique key per objection (retries reuse it)',
  })
  @ApiBody({
    description:
      'JSON, or multipart/form-data with the JSON in the part "objection" and files in "attachments"',
    schema: { $ref: getSchemaPath(FileObjectionDto) },
  })
  @ApiCreatedResponse({ type: FilingResponseDto })
  async file(
    @CurrentTenant() tenant: TenantContext,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<FilingResponseDto> {
    const citizen = await this.citizens.currentCitizen(request, tenant.id);
    const { body, files } = await readFilingRequest(request);
    const input = await validateInput(FileObjectionDto, citizen ? withCitizenDetails(body, citizen) : body);
    const result = await this.filing.file({
      tenant,
      idempotencyKey: idempotencyKey ?? '',
      input,
      files,
      citizenSubject: citizen?.subject,
    });
    if (result.replayed) reply.header('idempotent-replayed', 'true');
    return result.response;
  }
}
