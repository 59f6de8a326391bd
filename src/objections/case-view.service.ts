import { Injectable } from '@nestjs/common';
import { StaffDirectoryService } from '../auth/staff-directory.service';
import { ProblemError } from '../common/problems/problem.error';
import { Database } from '../database/database.service';
import { DocumentsService } from '../documents/documents.service';
import { StoredDocument } from '../documents/stored-document.entity';
import { Regulation } from '../regulations/regulation.entity';
import { regulationAsFiled } from '../regulations/regulation-as-filed';
import { FLAG_LABELS } from './case-flags';
import { CaseLinks } from './case-links';
import { derivedColumns } from './case-derived';
import { allowedNextStatuses } from './case-work.service';
import { MISSING_ELEMENT_LABELS, MissingElement } from './filing-rules';
import { Objection } from './objection.entity';
import { ObjectionEvent } from './objection-event.entity';
import { staffIdsIn, timelineView } from './timeline-view';
import { LIFE_DOMAIN_LABELS } from '../signals/life-domain-code';
import { amsterdamDateOf, LocalDate, todayInAmsterdam } from '../deadlines/local-date';
import { casePenaltyExposure } from '../procedure/decision-term';

export interface CaseFile {
  objection: Objection;
  regulation: Regulation;
  events: ObjectionEvent[];
  documents: StoredDocument[];
  /** Names of the staff the case mentions (assignee, actors), by user id. */
  staffNames: ReadonlyMap<string, string>;
}

/** Reads a whole case: for staff by reference, for the citizen by the secret link. */
@Injectable()
export class CaseViewService {
  constructor(
    private readonly database: Database,
    private readonly documents: DocumentsService,
  ) {}

  byReference(tenantId: string, reference: string): Promise<CaseFile> {
    return this.load(tenantId, { reference });
  }

  byCaseToken(tenantId: string, token: string): Promise<CaseFile> {
    return this.load(tenantId, { caseTokenHash: CaseLinks.hash(token) });
  }

  private async load(
    tenantId: string,
    where: { reference: string } | { caseTokenHash: string },
    makeReceipt = true,
  ): Promise<CaseFile> {
    const found = await this.database.forTenant(tenantId, async (db) => {
      const objection = await db.getRepository(Objection).findOneBy({ tenantId, ...where });
      if (!objection) return null;
      // One after the other: the queries share the transaction's connection.
      // The regulation as filed: a later change by an admin does not rewrite this case's hints or terms.
      const regulation = await regulationAsFiled(db, objection);
      const events = await db
        .getRepository(ObjectionEvent)
        .find({ where: { tenantId, objectionId: objection.id }, order: { at: 'ASC' } });
      const documents = await db.getRepository(StoredDocument).find({
        where: { tenantId, objectionId: objection.id },
        order: { createdAt: 'ASC' },
      });
      const staffNames = await StaffDirectoryService.namesIn(db, tenantId, [
        ...staffIdsIn(events),
        ...(objection.assigneeId ? [objection.assigneeId] : []),
      ]);
      return { objection, regulation, events, documents, staffNames };
    });
    if (!found) throw ProblemError.notFound('Dit bezwaar bestaat niet (of de link is niet juist).');
    // Just after filing its receipt may not be rendered yet: a case is never shown without it.
    const { receiptDocumentId } = found.objection;
    if (makeReceipt && receiptDocumentId && !found.documents.some((d) => d.id === receiptDocumentId)) {
      if (await this.documents.makeLate(tenantId, receiptDocumentId))
        return this.load(tenantId, where, false);
    }
    return found;
  }
}

export function staffCaseJson(file: CaseFile) {
  const { objection, regulation, staffNames } = file;
  const derived = derivedColumns(objection);
  return {
    reference: objection.reference,
    status: objection.status,
    regulation: {
      code: regulation.code,
      name: regulation.name,
      // 7:10 lid 1: an advisory committee (7:13) makes the decision term twelve weeks instead of six.
      advisoryCommittee: regulation.definition.advisoryCommittee === true,
    },
    receivedAt: objection.receivedAt.toISOString(),
    timely: objection.timely,
    objectionTermEnds: objection.objectionTermEnds,
    decisionTermEnds: objection.decisionTermEnds,
    repairTermEnds: objection.repairTermEnds,
    repairRequestedOn: objection.repairRequestedOn,
    penaltyStartsOn: objection.penaltyStartsOn,
    noticeOfDefaultOn: objection.noticeOfDefaultOn,
    // What a late decision costs so far and at most (4:17); null without a notice of default that took effect.
    penalty: casePenaltyExposure({
      decisionTermEnds: objection.decisionTermEnds as LocalDate | null,
      noticeOfDefaultOn: (objection.noticeOfDefaultOn ?? null) as LocalDate | null,
      decidedOn: objection.decidedAt ? amsterdamDateOf(objection.decidedAt) : null,
      today: todayInAmsterdam(),
    }),
    decisionTerm: {
      base: objection.decisionTermBase,
      pauses: objection.decisionTermPauses,
      extensionWeeks: objection.extensionWeeks,
      postponedUntil: objection.postponedUntil,
      ends: objection.decisionTermEnds,
    },
    firstContactAt: objection.firstContactAt?.toISOString() ?? null,
    closedReason: objection.closedReason,
    primaryDecisionBy: objection.primaryDecisionBy,
    hearing: objection.hearing,
    outcome: objection.outcome,
    decidedAt: objection.decidedAt?.toISOString() ?? null,
    costsCents: objection.costsCents,
    nextDeadline:
      derived.nextDeadline && derived.nextDeadlineKind
        ? { date: derived.nextDeadline, kind: derived.nextDeadlineKind }
        : null,
    decision: objection.decision,
    objector: objection.objector,
    representative: objection.representative,
    grounds: objection.grounds,
    wantsHearing: objection.wantsHearing,
    contactPreference: objection.contactPreference,
    missingElements: objection.missingElements.map((code) => ({
      code,
      label: MISSING_ELEMENT_LABELS[code as MissingElement] ?? code,
    })),
    flags: derived.flags,
    flagEvidence: flagEvidence(objection),
    signals: objection.signals,
    assigneeId: objection.assigneeId,
    assignee: objection.assigneeId
      ? { id: objection.assigneeId, name: staffNames.get(objection.assigneeId) ?? 'Onbekende medewerker' }
      : null,
    allowedNext: allowedNextStatuses(objection.status),
    timeline: timelineView(file.events, staffNames),
    // The raw events, kept for clients written before the timeline.
    events: file.events.map((e) => ({ at: e.at.toISOString(), actor: e.actor, kind: e.kind, data: e.data })),
    documents: file.documents.map(documentJson),
  };
}

/**
 * Why the case carries its signal flags: for angry or distressed the phrases that decided it, and every life
 * domain (two or more make multi_problem) with the phrases found for it.
 */
function flagEvidence(objection: Objection) {
  const signals = objection.signals;
  const label = signals?.sentiment.label;
  return {
    sentiment:
      signals && (label === 'angry' || label === 'distressed')
        ? {
            flag: label,
            label: FLAG_LABELS[label],
            score: signals.sentiment.score,
            evidence: signals.sentiment.evidence,
          }
        : null,
    lifeDomains: (signals?.lifeDomains ?? []).map((d) => ({
      code: d.code,
      label: LIFE_DOMAIN_LABELS[d.code] ?? d.code,
      evidence: d.evidence,
    })),
  };
}

export function documentJson(d: StoredDocument) {
  return {
    id: d.id,
    kind: d.kind,
    filename: d.filename,
    mediaType: d.mediaType,
    size: d.size,
    sha256: d.sha256,
    createdAt: d.createdAt.toISOString(),
  };
}
