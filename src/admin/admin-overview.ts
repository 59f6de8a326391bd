import { LETTER_KINDS } from '../letters/letter-kinds';
import { dateText } from '../staff-pages/case-text';
import { adminHome } from '../staff-pages/request-checks';
import { ADMIN_SECTIONS, AdminSection } from '../staff-pages/staff-pages.service';
import type { LicenceState } from '../tenancy/tenant.entity';

/** The figures a functioneel beheerder sees at a glance. */
export interface AdminFigures {
  regulations: { active: number; retired: number };
  ownLetterTemplates: number;
  referralPartners: number;
  staff: { active: number; admins: number; pendingInvitations: number; expiredInvitations: number };
  licence: {
    state: LicenceState;
    since: string;
    plan: { name: string; startsOn: string; endsOn: string | null } | null;
  };
}

const LICENCE_STATES: Record<LicenceState, string> = {
  active: 'Actief',
  grace: 'In de respijtperiode',
  suspended: 'Opgeschort: alleen inzien en exporteren',
};

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** One card per admin section (the overview itself excepted): what it is for and where it stands. */
export function overviewCards(tenantSlug: string, figures: AdminFigures) {
  const { regulations, staff, licence } = figures;
  const own = figures.ownLetterTemplates;
  const lines: Record<Exclude<AdminSection, 'overview'>, { text: string; figures: string[] }> = {
    regulations: {
      text: 'Regelingen met hun keuzehulp, argumenten, termijnen en doorverwijspartners.',
      figures: [
        count(regulations.active, 'actieve regeling', 'actieve regelingen'),
        ...(regulations.retired ? [count(regulations.retired, 'ingetrokken', 'ingetrokken')] : []),
        count(figures.referralPartners, 'doorverwijspartner', 'doorverwijspartners'),
      ],
    },
    letters: {
      text: 'De brieven aan inwoners per soort: eigen tekst of de standaardtekst van het platform.',
      figures: [
        count(own, 'eigen sjabloon', 'eigen sjablonen'),
        count(LETTER_KINDS.length - own, 'standaardsjabloon', 'standaardsjablonen'),
      ],
    },
    settings: {
      text: 'Naam, logo, kleuren, contactgegevens en werkafspraken zoals de termijn voor eerste contact.',
      figures: [],
    },
    staff: {
      text: 'Medewerkers uitnodigen, rollen geven en accounts deactiveren.',
      figures: [
        count(staff.active, 'actieve medewerker', 'actieve medewerkers'),
        count(staff.admins, 'functioneel beheerder', 'functioneel beheerders'),
        ...(staff.pendingInvitations
          ? [count(staff.pendingInvitations, 'openstaande uitnodiging', 'openstaande uitnodigingen')]
          : []),
        ...(staff.expiredInvitations
          ? [count(staff.expiredInvitations, 'verlopen uitnodiging', 'verlopen uitnodigingen')]
          : []),
      ],
    },
    configuration: {
      text: 'De hele configuratie als YAML-bestand downloaden, of een bestand inlezen met een voorvertoning.',
      figures: [],
    },
    licence: {
      text: 'De licentie van uw gemeente en de facturen.',
      figures: [
        `Status: ${LICENCE_STATES[licence.state]}${licence.state === 'active' ? '' : ` sinds ${dateText(licence.since)}`}`,
        ...(licence.plan
          ? [
              `${licence.plan.name}, vanaf ${dateText(licence.plan.startsOn)}${licence.plan.endsOn ? ` tot en met ${dateText(licence.plan.endsOn)}` : ''}`,
            ]
          : ['Geen lopende licentie gevonden']),
      ],
    },
    audit: {
      text: 'Wie welke zaak heeft ingezien of gewijzigd, ook geweigerde pogingen; zoeken op wie, actie, zaak en datum.',
      figures: [],
    },
    retention: {
      text: 'Bewaartermijnen volgens de Selectielijst: wat is geanonimiseerd, welke zaken onder een bewaarplicht staan.',
      figures: [],
    },
  };
  const home = adminHome(tenantSlug);
  return (Object.keys(lines) as (keyof typeof lines)[]).map((section) => ({
    href: `${home}${ADMIN_SECTIONS[section].path}`,
    label: ADMIN_SECTIONS[section].label,
    ...lines[section],
  }));
}
