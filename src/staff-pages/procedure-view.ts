import { DECISION_OUTCOMES, OUTCOME_WORDS } from '../decisions/decision-outcome';
import type { LocalDate } from '../deadlines/local-date';
import { isOpen, ObjectionStatus } from '../objections/case-status';
import { HEARING_GROUND_LABELS, HEARING_WAIVER_GROUNDS } from '../procedure/hearing-grounds';
import type { AgreedRoute, ContactChannel, WithdrawalWay } from '../resolution/informal-route';
import { dateText, euros } from './case-text';
import type { CaseFormFields } from './form-fields';
import { HELD, MISSING_ELEMENT_WORDS, NO, ProcedureAction, YES } from './procedure-form-fields';
import type { StaffCaseJson } from './staff-case-view';

/**
 * The forms of the informal approach, the formal procedure and the decision on a case page: only those that
 * fit where the case stands (the services still refuse a step a stale page posts), each prefilled with what the
 * case already knows.
 */

export interface ProcedureFormsContext {
  caseHref: string;
  today: LocalDate;
  /** Active handlers: the hearer is one of them. */
  handlers: { id: string; name: string }[];
  /** All active staff of the municipality: who took the contested decision need not be a handler. */
  staff: { id: string; name: string }[];
  fields: CaseFormFields;
}

const CHANNELS: { value: ContactChannel; label: string }[] = [
  { value: 'phone', label: 'Telefoon' },
  { value: 'email', label: 'E-mail' },
  { value: 'visit', label: 'Bezoek' },
  { value: 'video', label: 'Videogesprek' },
];

const ROUTES: { value: AgreedRoute; label: string; hint?: string }[] = [
  { value: 'explanation', label: 'Uitleg over het besluit' },
  { value: 'correction', label: 'Het besluit wordt aangepast' },
  { value: 'referral', label: 'Verwijzing naar hulp' },
  {
    value: 'withdrawal',
    label: 'De indiener trekt het bezwaar in',
    hint: 'Leg de intrekking zelf vast zodra de indiener die schriftelijk doet of bevestigt.',
  },
  { value: 'formal_procedure', label: 'Verder in de formele procedure' },
];

const WITHDRAWALS: { value: WithdrawalWay; label: string }[] = [
  { value: 'written', label: 'Schriftelijk: met een brief of e-mail van de indiener' },
  { value: 'confirmed_by_objector', label: 'Bevestigd door de indiener, bijvoorbeeld aan de telefoon' },
];

/** "Gedeeltelijk gegrond" */
const capitalised = (text: string) => text[0].toUpperCase() + text.slice(1);

const amsterdamMoment = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Amsterdam',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** An instant as a datetime-local field shows it: "2027-01-14T10:00", the time in the Netherlands. */
export function localMoment(iso: string): string {
  const parts = Object.fromEntries(
    amsterdamMoment.formatToParts(new Date(iso)).map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

/** What each step of the case may be now (the forms shown); a closed case shows none, bar fixing a penalty. */
export function availableSteps(kase: StaffCaseJson, today: LocalDate) {
  const open = isOpen(kase.status as ObjectionStatus);
  const hearing = kase.hearing;
  const held = Boolean(hearing?.heldAt);
  const ends = kase.decisionTerm.ends;
  const penaltyFixed = kase.timeline.some((e) => e.kind === 'penalty_fixed');
  return {
    informal: open,
    repairRequest: open && !kase.repairTermEnds,
    repairReceived: open && Boolean(kase.repairTermEnds && kase.repairRequestedOn),
    planHearing: open && !held,
    waiveHearing: open && !held,
    hearingReport: open && Boolean(hearing?.plannedAt) && !held,
    // Once, while the term still runs, and not over a date the objector agreed to (7:10 lid 3).
    extension:
      open &&
      !kase.decisionTerm.extensionWeeks &&
      !kase.decisionTerm.postponedUntil &&
      Boolean(ends) &&
      today <= ends!,
    postponement: open && !kase.noticeOfDefaultOn,
    // A notice of default only counts once the term has passed (4:17).
    noticeOfDefault: open && !kase.noticeOfDefaultOn && Boolean(ends) && today > ends!,
    // Usually after the decision (4:18): the one step on a decided case.
    fixPenalty:
      (open || kase.status === 'decided') &&
      Boolean(kase.noticeOfDefaultOn && kase.penalty && kase.penalty.daysRunning > 0) &&
      !penaltyFixed,
    decide: open,
  };
}

/** The step whose form posts to each procedure action. */
const STEP_OF: Record<ProcedureAction, keyof ReturnType<typeof availableSteps>> = {
  contactpoging: 'informal',
  gesprek: 'informal',
  intrekken: 'informal',
  correctie: 'informal',
  'herstel-vragen': 'repairRequest',
  'herstel-ontvangen': 'repairReceived',
  hoorzitting: 'planHearing',
  'afzien-horen': 'waiveHearing',
  verslag: 'hearingReport',
  verdagen: 'extension',
  uitstel: 'postponement',
  ingebrekestelling: 'noticeOfDefault',
  dwangsom: 'fixPenalty',
  beslissen: 'decide',
};

/** Whether the page shows this action's form (a stale page may post one it no longer shows). */
export function procedureFormShown(action: ProcedureAction, kase: StaffCaseJson, today: LocalDate): boolean {
  return availableSteps(kase, today)[STEP_OF[action]];
}

export function procedureForms(kase: StaffCaseJson, context: ProcedureFormsContext) {
  const { fields: f, caseHref, today } = context;
  const steps = availableSteps(kase, today);
  const action = (name: string) => `${caseHref}/${name}`;
  const hearing = kase.hearing;

  const informal = steps.informal
    ? {
        contact: {
          action: action('contactpoging'),
          open: f.open('contactpoging'),
          channel: f.radios('contactpoging', 'kanaal', CHANNELS),
          reached: f.radios('contactpoging', 'bereikt', [
            { value: YES, label: 'Ja, ik heb de indiener gesproken' },
            { value: NO, label: 'Nee, niet bereikt' },
          ]),
          moment: f.field('contactpoging', 'moment'),
          note: f.field('contactpoging', 'notitie'),
        },
        conversation: {
          action: action('gesprek'),
          open: f.open('gesprek'),
          channel: f.radios('gesprek', 'kanaal', CHANNELS),
          moment: f.field('gesprek', 'moment'),
          notes: f.field('gesprek', 'verslag'),
          realIssue: f.field('gesprek', 'speelt'),
          route: f.radios('gesprek', 'route', ROUTES),
          agreement: f.field('gesprek', 'afspraak'),
          confirm: f.checkboxes(
            'gesprek',
            'bevestigen',
            [{ value: YES, label: 'Bevestigingsbrief sturen' }],
            [YES],
          ),
        },
        withdrawal: {
          action: action('intrekken'),
          open: f.open('intrekken'),
          how: f.radios('intrekken', 'hoe', WITHDRAWALS),
          note: f.field('intrekken', 'notitie'),
        },
        correction: {
          action: action('correctie'),
          open: f.open('correctie'),
          reference: f.field('correctie', 'kenmerk'),
          note: f.field('correctie', 'notitie'),
        },
      }
    : undefined;

  const elementChoices = (codes: string[]) =>
    codes.map((code) => ({
      value: code,
      label: MISSING_ELEMENT_WORDS[code as keyof typeof MISSING_ELEMENT_WORDS] ?? code,
    }));
  const requested = lastRepairRequest(kase) ?? kase.missingElements.map((m) => m.code);
  const decisionMaker = kase.primaryDecisionBy;
  const staffOptions = (
    people: { id: string; name: string }[],
    placeholder: string,
    except?: string | null,
  ) => [
    { value: '', label: placeholder },
    ...people.filter((h) => h.id !== except).map((h) => ({ value: h.id, label: h.name })),
  ];
  const makerOptions = staffOptions(context.staff, 'Kies wie het besluit nam');
  if (decisionMaker && !context.staff.some((h) => h.id === decisionMaker)) {
    makerOptions.push({ value: decisionMaker, label: 'De eerder vastgelegde medewerker' });
  }
  const exposure = kase.penalty;

  const formal = {
    repairRequest: steps.repairRequest
      ? {
          action: action('herstel-vragen'),
          open: f.open('herstel-vragen'),
          elements: f.checkboxes(
            'herstel-vragen',
            'onderdelen',
            elementChoices(Object.keys(MISSING_ELEMENT_WORDS)),
            kase.missingElements.map((m) => m.code),
          ),
          termDays: f.field('herstel-vragen', 'termijn', '14'),
        }
      : undefined,
    repairReceived: steps.repairReceived
      ? {
          action: action('herstel-ontvangen'),
          open: f.open('herstel-ontvangen'),
          termEnds: dateText(kase.repairTermEnds),
          elements: f.checkboxes('herstel-ontvangen', 'onderdelen', elementChoices(requested), requested),
        }
      : undefined,
    planHearing: steps.planHearing
      ? {
          action: action('hoorzitting'),
          open: f.open('hoorzitting'),
          replanning: Boolean(hearing?.plannedAt),
          moment: f.field('hoorzitting', 'moment'),
          location: f.field('hoorzitting', 'plaats', hearing?.location ?? ''),
          videoLink: f.field('hoorzitting', 'videolink', hearing?.videoLink ?? ''),
          hearer: f.select(
            'hoorzitting',
            'hoorder',
            staffOptions(context.handlers, 'Kies een hoorder', decisionMaker),
            hearing?.hearerId ?? '',
          ),
          decisionMaker: f.select('hoorzitting', 'besluitnemer', makerOptions, decisionMaker ?? ''),
        }
      : undefined,
    waiveHearing: steps.waiveHearing
      ? {
          action: action('afzien-horen'),
          open: f.open('afzien-horen'),
          ground: f.radios(
            'afzien-horen',
            'grond',
            HEARING_WAIVER_GROUNDS.map((g) => ({ value: g, label: capitalised(HEARING_GROUND_LABELS[g]) })),
            hearing?.waiverGround ?? '',
          ),
        }
      : undefined,
    hearingReport: steps.hearingReport
      ? {
          action: action('verslag'),
          open: f.open('verslag'),
          heldAt: f.field('verslag', 'gehouden', hearing?.plannedAt ? localMoment(hearing.plannedAt) : ''),
          attendees: f.field(
            'verslag',
            'aanwezigen',
            [
              `${kase.objector.name} (indiener)`,
              ...(hearing?.hearerName ? [`${hearing.hearerName} (hoorder)`] : []),
            ].join('\n'),
          ),
          report: f.field('verslag', 'verslag'),
        }
      : undefined,
    extension: steps.extension
      ? {
          action: action('verdagen'),
          open: f.open('verdagen'),
          currentEnd: dateText(kase.decisionTerm.ends),
          weeks: f.select(
            'verdagen',
            'weken',
            [1, 2, 3, 4, 5, 6].map((n) => ({ value: String(n), label: n === 1 ? '1 week' : `${n} weken` })),
            '6',
          ),
          reason: f.field('verdagen', 'reden'),
        }
      : undefined,
    postponement: steps.postponement
      ? {
          action: action('uitstel'),
          open: f.open('uitstel'),
          currentEnd: dateText(kase.decisionTerm.ends),
          until: f.field('uitstel', 'tot'),
          consent: f.field('uitstel', 'instemming'),
        }
      : undefined,
    noticeOfDefault: steps.noticeOfDefault
      ? {
          action: action('ingebrekestelling'),
          open: f.open('ingebrekestelling'),
          termEnded: dateText(kase.decisionTerm.ends),
          receivedOn: f.field('ingebrekestelling', 'ontvangen', today),
        }
      : undefined,
    fixPenalty:
      steps.fixPenalty && exposure
        ? {
            action: action('dwangsom'),
            open: f.open('dwangsom'),
            computed: `${exposure.daysRunning} ${exposure.daysRunning === 1 ? 'dag' : 'dagen'}, ${euros(exposure.amountCentsSoFar)}`,
            days: f.field('dwangsom', 'dagen'),
            amount: f.field('dwangsom', 'bedrag'),
          }
        : undefined,
  };
  const anyFormal = Object.values(formal).some(Boolean);

  const heardBefore = hearing?.heldAt ? HELD : (hearing?.waiverGround ?? '');
  const decide = steps.decide
    ? {
        action: action('beslissen'),
        open: f.open('beslissen'),
        outcome: f.radios(
          'beslissen',
          'uitkomst',
          DECISION_OUTCOMES.map((o) => ({ value: o, label: capitalised(OUTCOME_WORDS[o]) })),
        ),
        reasoning: f.field('beslissen', 'motivering'),
        hearing: f.radios(
          'beslissen',
          'hoorzitting',
          [
            { value: HELD, label: 'De indiener is gehoord (hoorzitting gehouden)' },
            ...HEARING_WAIVER_GROUNDS.map((g) => ({
              value: g,
              label: `Niet gehoord: ${HEARING_GROUND_LABELS[g]}`,
            })),
          ],
          heardBefore,
        ),
        costsRequested: f.checkboxes(
          'beslissen',
          'kosten-gevraagd',
          [
            {
              value: YES,
              label: 'De indiener heeft vóór de beslissing om vergoeding van de kosten gevraagd',
            },
          ],
          [],
        ),
        costsReimbursed: f.select('beslissen', 'kosten-vergoed', [
          {
            value: '',
            label: 'Volgens de regel',
          },
          { value: YES, label: 'Ja, de kosten vergoeden' },
          { value: NO, label: 'Nee, niet vergoeden: de gemeente valt niets te verwijten' },
        ]),
        revokedAndReplaced: f.field('beslissen', 'herroepen'),
        sendOn: f.field('beslissen', 'verzenddatum', today),
      }
    : undefined;

  return { informal, formal: anyFormal ? formal : undefined, decide };
}

/** The elements of the latest repair request, from its timeline entry. */
function lastRepairRequest(kase: StaffCaseJson): string[] | undefined {
  const requests = kase.timeline.filter((e) => e.kind === 'repair_requested');
  const elements = requests[requests.length - 1]?.data.elements;
  return Array.isArray(elements) ? elements.filter((e): e is string => typeof e === 'string') : undefined;
}
