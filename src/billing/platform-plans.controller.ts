import { Body, Get, Param, Post, Put } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { ApiController } from '../common/api-controller.decorator';
import { Operator } from '../operators/operator.guard';
import { CreatePlanDto, PlanDto, planTermsFrom, UpdatePlanDto } from './dto/plan.dto';
import { PlansService } from './plans.service';

/** Licence plans: `/api/v1/platform/plans`. Amounts in whole euro cents. */
@ApiTags('platform')
@ApiController('platform/plans')
@Operator()
export class PlatformPlansController {
  constructor(private readonly plans: PlansService) {}

  @Get()
  @ApiOkResponse({ type: [PlanDto] })
  async list(): Promise<PlanDto[]> {
    return (await this.plans.list()).map(PlanDto.from);
  }

  @Post()
  @ApiCreatedResponse({ type: PlanDto })
  @ApiBadRequestResponse({
    description: 'A field is wrong: the bands, a negative amount, a code in use (problem+json)',
  })
  async create(@Body() body: CreatePlanDto): Promise<PlanDto> {
    return PlanDto.from(await this.plans.create(planTermsFrom(body, body.code)));
  }

  @Get(':code')
  @ApiOkResponse({ type: PlanDto })
  @ApiNotFoundResponse({ description: 'No plan with this code' })
  async get(@Param('code') code: string): Promise<PlanDto> {
    return PlanDto.from(await this.plans.get(code));
  }

  /** Changes the terms for invoices generated from now on; issued invoices keep theirs. */
  @Put(':code')
  @ApiOkResponse({ type: PlanDto })
  @ApiBadRequestResponse({ description: 'A field is wrong (problem+json)' })
  async update(@Param('code') code: string, @Body() body: UpdatePlanDto): Promise<PlanDto> {
    return PlanDto.from(await this.plans.update(code, planTermsFrom(body, code), body.active ?? true));
  }
}
