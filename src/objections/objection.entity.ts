import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type { DecisionOutcome } from '../decisions/decision-outcome';
import type { TextSignals } from '../signals';
import type { CaseFlag } from './case-flags';
import type { ObjectionStatus } from './case-status';
import type { DeadlineKind } from './next-deadline';

export type { ObjectionStatus } from './case-status';

export interface PostalAddress {
  street: string;
  houseNumber: string;
  postalCode: string;
  city: string;
}

/** The contested decision (besluit) as the objector describes it. */
export interface ContestedDecision {
  reference?: string;
  date: string;
  description?: string;
}

export interface Objector {
  name: string;
  email?: string;
  phone?: string;
  address?: PostalAddress;
}

/** A gemachtigde (Awb 6:17): documents go to the representative. */
export interface Representative {
  name: string;
  organisation?: string;
  email?: string;
  phone?: string;
}

export interface Grounds {
  hints: string[];
  text?: string;
}

/** A period during which the decision term stood still (7:10 lid 2: a repair term; 4:15: delay by the objector). */
export interface TermPause {
  from: string;
  to: string;
  reason: string;
}

/** The hearing (7:2): planned, held with a report, or not held on a 7:3 ground. */
export interface HearingRecord {
  plannedAt?: string;
  location?: string;
  videoLink?: string;
  hearerId?: string;
  hearerName?: string;
  heldAt?: string;
  reportDocumentId?: string;
  /** A 7:3 ground for not hearing (see src/procedure). */
  waiverGround?: string;
}

/** An objection (bezwaarschrift) as a case. */
@Entity('objections')
export class Objection {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' })
  tenantId!: string;

  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  reference!: string;

  @Column({ name: 'regulation_id', type: 'uuid' })
  regulationId!: string;

  /** The version of the regulation the case was filed under; an admin's later change does not reach it. */
  @Column({ name: 'regulation_version', type: 'integer', default: 1 })
  regulationVersion!: number;

  @Column({ type: 'text', default: 'received' })
  status!: ObjectionStatus;

  @Column({ name: 'received_at', type: 'timestamptz' })
  receivedAt!: Date;

  @Column({ type: 'jsonb' })
  decision!: ContestedDecision;

  @Column({ type: 'jsonb' })
  objector!: Objector;

  @Column({ type: 'jsonb', nullable: true })
  representative!: Representative | null;

  @Column({ type: 'jsonb' })
  grounds!: Grounds;

  @Column({ name: 'wants_hearing', type: 'boolean', nullable: true })
  wantsHearing!: boolean | null;

  @Column({ name: 'contact_preference', type: 'text', nullable: true })
  contactPreference!: string | null;

  /** 'portal' (web form or API) or 'post'. */
  @Column({ type: 'text', default: 'portal' })
  channel!: string;

  /** Received within the objection term (6:9); a late filing is accepted and flagged for 6:11. */
  @Column({ type: 'boolean' })
  timely!: boolean;

  @Column({ name: 'objection_term_ends', type: 'date', nullable: true })
  objectionTermEnds!: string | null;

  @Column({ name: 'decision_term_ends', type: 'date', nullable: true })
  decisionTermEnds!: string | null;

  /** Awb 6:5 elements still to be repaired (herstel verzuim, 6:6). */
  @Column({ name: 'missing_elements', type: 'text', array: true })
  missingElements!: string[];

  /** sha256 of the citizen's secret case link; the link itself is never stored. */
  @Column({ name: 'case_token_hash', type: 'text', nullable: true, select: false })
  caseTokenHash!: string | null;

  /** What the objector's own words signal (sentiment, life domains), and the lexicon versions that said so. */
  @Column({ type: 'jsonb', nullable: true })
  signals!: (TextSignals & { lexicons: { sentiment: string; lifeDomains: string } }) | null;

  /** Blind indexes of the objector (BSN after DigiD, and name + address); never the values themselves. */
  @Column({ name: 'person_bsn_index', type: 'text', nullable: true, select: false })
  personBsnIndex!: string | null;

  @Column({ name: 'person_naw_index', type: 'text', nullable: true, select: false })
  personNawIndex!: string | null;

  /** Three or more objections by the same person within 36 months here (see repeat-objector.ts). */
  @Column({ name: 'repeat_objector', type: 'boolean', default: false })
  repeatObjector!: boolean;

  /** The receipt letter's document id, given at filing; the document itself is rendered just after. */
  @Column({ name: 'receipt_document_id', type: 'uuid', nullable: true })
  receiptDocumentId!: string | null;

  /** The OpenID Connect subject of a logged-in citizen. */
  @Column({ name: 'citizen_subject', type: 'text', nullable: true })
  citizenSubject!: string | null;

  @Column({ name: 'assignee_id', type: 'uuid', nullable: true })
  assigneeId!: string | null;

  @Column({ name: 'status_changed_at', type: 'timestamptz', nullable: true })
  statusChangedAt!: Date | null;

  /** While a repair request (herstel verzuim, 6:6) is outstanding. */
  @Column({ name: 'repair_term_ends', type: 'date', nullable: true })
  repairTermEnds!: string | null;

  /** First day a penalty (4:17) falls due, once a notice of default is registered. */
  @Column({ name: 'penalty_starts_on', type: 'date', nullable: true })
  penaltyStartsOn!: string | null;

  /** Derived (case-derived.ts) and stored so the inbox can sort, filter and page on them with an index. */
  @Column({ name: 'next_deadline', type: 'date', nullable: true })
  nextDeadline!: string | null;

  @Column({ name: 'next_deadline_kind', type: 'text', nullable: true })
  nextDeadlineKind!: DeadlineKind | null;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  flags!: CaseFlag[];

  /** The citizen wrote last at this moment; the inbox shows a reply waiting when it is after the handler's. */
  @Column({ name: 'last_citizen_message_at', type: 'timestamptz', nullable: true })
  lastCitizenMessageAt!: Date | null;

  @Column({ name: 'last_staff_message_at', type: 'timestamptz', nullable: true })
  lastStaffMessageAt!: Date | null;

  /** The first conversation in which the objector was reached (the informal approach measures time to it). */
  @Column({ name: 'first_contact_at', type: 'timestamptz', nullable: true })
  firstContactAt!: Date | null;

  /** Why a case was closed without a decision (e.g. resolved informally). */
  @Column({ name: 'closed_reason', type: 'text', nullable: true })
  closedReason!: string | null;

  /** The decision term as it was at filing; decisionTermEnds is this plus pauses, extension or postponement. */
  @Column({ name: 'decision_term_base', type: 'date', nullable: true })
  decisionTermBase!: string | null;

  @Column({ name: 'decision_term_pauses', type: 'jsonb', default: () => "'[]'" })
  decisionTermPauses!: TermPause[];

  /** The one verdaging (7:10 lid 3), at most six weeks. */
  @Column({ name: 'extension_weeks', type: 'integer', nullable: true })
  extensionWeeks!: number | null;

  /** A further postponement, only with the objector's recorded consent (7:10 lid 4). */
  @Column({ name: 'postponed_until', type: 'date', nullable: true })
  postponedUntil!: string | null;

  @Column({ name: 'repair_requested_on', type: 'date', nullable: true })
  repairRequestedOn!: string | null;

  /** When the written notice of default (ingebrekestelling, 4:17) was received. */
  @Column({ name: 'notice_of_default_on', type: 'date', nullable: true })
  noticeOfDefaultOn!: string | null;

  /** The official who took the contested decision: never the hearer (7:5). */
  @Column({ name: 'primary_decision_by', type: 'uuid', nullable: true })
  primaryDecisionBy!: string | null;

  @Column({ type: 'jsonb', nullable: true })
  hearing!: HearingRecord | null;

  @Column({ type: 'text', nullable: true })
  outcome!: DecisionOutcome | null;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt!: Date | null;

  /** Costs reimbursed under 7:15, in cents. */
  @Column({ name: 'costs_cents', type: 'integer', nullable: true })
  costsCents!: number | null;
}
