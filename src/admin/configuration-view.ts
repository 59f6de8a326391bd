import type { FieldError } from '../common/problems/problem.error';
import { LETTER_KIND_NAMES } from '../letters/letter-kinds';
import type { StoredLetterTemplate } from '../letters/letter-template-store';
import { dateTimeText } from '../staff-pages/case-text';
import { adminHome } from '../staff-pages/request-checks';
import type { ConfigDiff } from '../tenancy/tenant-config-diff';

/** `/rivierstad/behandelaar/beheer/configuratie` and the paths under it. */
export function configurationPath(tenantSlug: string, rest = ''): string {
  return `${adminHome(tenantSlug)}/configuratie${rest ? `/${rest}` : ''}`;
}

export const CONFIGURATION_DONE: Record<string, string> = {
  ingelezen:
    'De configuratie is ingelezen. Gewijzigde regelingen hebben een nieuwe versie; ingediende bezwaren houden hun eigen versie.',
  ongewijzigd: 'Er was niets te wijzigen: de configuratie was al zo.',
};

export function letterDownloads(tenantSlug: string, templates: StoredLetterTemplate[]) {
  return templates.map((template) => ({
    href: configurationPath(tenantSlug, `brieven/${template.kind}.hbs`),
    file: `templates/letters/${template.kind}.hbs`,
    name: LETTER_KIND_NAMES[template.kind],
    updated: `${dateTimeText(template.updatedAt.toISOString())}${template.updatedBy ? ` door ${template.updatedBy}` : ''}`,
  }));
}

/** The file's problems for the error summary: where (path in the file) and what. */
export function problemList(errors: FieldError[], detail: string): { href: string; message: string }[] {
  if (!errors.length) return [{ href: '#yaml', message: detail }];
  return errors.map((e) => ({
    href: '#yaml',
    message: e.field === 'yaml' ? e.message : `${e.field}: ${e.message}`,
  }));
}

/** The preview's sections, each only when something in it changes. */
export function diffSections(diff: ConfigDiff) {
  const { regulations: r, referralPartners: p } = diff;
  const sections = [
    {
      id: 'gemeente',
      title: 'Gegevens van de gemeente',
      groups: diff.profile.length ? [{ title: 'Gewijzigd', rows: diff.profile }] : [],
    },
    {
      id: 'regelingen',
      title: 'Regelingen',
      groups: [
        { title: 'Nieuw', items: r.added.map((item) => ({ ...item, changes: [] })) },
        { title: 'Gewijzigd (krijgen een nieuwe versie)', items: r.changed },
        { title: 'Weer in gebruik', items: r.reactivated },
        {
          title: 'Buiten gebruik (staan niet in het bestand; ingediende bezwaren lopen door)',
          items: r.retired.map((item) => ({ ...item, changes: [] })),
        },
      ].filter((group) => group.items.length),
    },
    {
      id: 'partners',
      title: 'Doorverwijspartners',
      groups: [
        { title: 'Nieuw', items: p.added.map((item) => ({ ...item, changes: [] })) },
        { title: 'Gewijzigd', items: p.changed },
        { title: 'Weer in gebruik', items: p.reactivated },
      ].filter((group) => group.items.length),
    },
  ];
  return sections.filter((section) => section.groups.length);
}
