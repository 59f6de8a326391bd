import { Injectable } from '@nestjs/common';
import { StaffPrincipal } from '../auth/staff-principal';
import { DecisionsService } from '../decisions/decisions.service';
import { DecisionTermService } from '../procedure/decision-term.service';
import { HearingService } from '../procedure/hearing.service';
import { RepairService } from '../procedure/repair.service';
import { InformalResolutionService } from '../resolution/informal-resolution.service';
import { ProcedureCommand } from './procedure-forms';

/** Runs a procedure form's command through the service that owns the step; each one unit of work of its own. */
@Injectable()
export class ProcedureActionsService {
  constructor(
    private readonly resolution: InformalResolutionService,
    private readonly repair: RepairService,
    private readonly hearing: HearingService,
    private readonly term: DecisionTermService,
    private readonly decisions: DecisionsService,
  ) {}

  run(
    tenantId: string,
    staff: StaffPrincipal,
    reference: string,
    command: ProcedureCommand,
  ): Promise<unknown> {
    switch (command.action) {
      case 'contactpoging':
        return this.resolution.logContact(tenantId, reference, command.input, staff);
      case 'gesprek':
        return this.resolution.recordConversation(tenantId, reference, command.input, staff);
      case 'intrekken':
        return this.resolution.withdraw(tenantId, reference, command.input, staff);
      case 'correctie':
        return this.resolution.recordCorrection(tenantId, reference, command.input, staff);
      case 'herstel-vragen':
        return this.repair.request(tenantId, reference, command.input, staff);
      case 'herstel-ontvangen':
        return this.repair.received(tenantId, reference, { elements: command.elements }, staff);
      case 'hoorzitting':
        return this.hearing.plan(tenantId, reference, command.input, staff);
      case 'afzien-horen':
        return this.hearing.waive(tenantId, reference, command.ground, staff);
      case 'verslag':
        return this.hearing.report(tenantId, reference, command.input, staff);
      case 'verdagen':
        return this.term.extend(tenantId, reference, command.input, staff);
      case 'uitstel':
        return this.term.postpone(tenantId, reference, command.input, staff);
      case 'ingebrekestelling':
        return this.term.registerNoticeOfDefault(tenantId, reference, command.input, staff);
      case 'dwangsom':
        return this.term.fixPenalty(tenantId, reference, command.input, staff);
      case 'beslissen':
        return this.decisions.decide(tenantId, reference, command.input, staff);
    }
  }
}
