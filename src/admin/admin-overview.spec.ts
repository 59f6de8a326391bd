import { AdminFigures, overviewCards } from './admin-overview';

const figures: AdminFigures = {
  regulations: { active: 6, retired: 1 },
  ownLetterTemplates: 2,
  referralPartners: 6,
  staff: { active: 3, admins: 1, pendingInvitations: 1, expiredInvitations: 0 },
  licence: {
    state: 'grace',
    since: '2026-11-01',
    plan: { name: 'Middelgroot', startsOn: '2026-01-01', endsOn: null },
  },
};

describe('overviewCards', () => {
  it('has a card for every admin section but the overview, with its figures', () => {
    const cards = overviewCards('rivierstad', figures);
    expect(cards.map((c) => c.href)).toEqual([
      '/rivierstad/behandelaar/beheer/regelingen',
      '/rivierstad/behandelaar/beheer/brieven',
      '/rivierstad/behandelaar/beheer/instellingen',
      '/rivierstad/behandelaar/beheer/medewerkers',
      '/rivierstad/behandelaar/beheer/configuratie',
      '/rivierstad/behandelaar/beheer/licentie',
      '/rivierstad/behandelaar/beheer/audit',
      '/rivierstad/behandelaar/beheer/bewaartermijnen',
    ]);
    const byLabel = Object.fromEntries(cards.map((c) => [c.label, c.figures]));
    expect(byLabel.Regelingen).toEqual(['6 actieve regelingen', '1 ingetrokken', '6 doorverwijspartners']);
    expect(byLabel.Brieven).toEqual(['2 eigen sjablonen', '5 standaardsjablonen']);
    expect(byLabel.Medewerkers).toEqual([
      '3 actieve medewerkers',
      '1 functioneel beheerder',
      '1 openstaande uitnodiging',
    ]);
    expect(byLabel['Licentie en facturen']).toEqual([
      'Status: In de respijtperiode sinds 1 november 2026',
      'Middelgroot, vanaf 1 januari 2026',
    ]);
  });

  it('says when there is no licence running', () => {
    const cards = overviewCards('x', {
      ...figures,
      licence: { state: 'active', since: '2026-01-01', plan: null },
    });
    expect(cards.find((c) => c.label === 'Licentie en facturen')!.figures).toEqual([
      'Status: Actief',
      'Geen lopende licentie gevonden',
    ]);
  });
});
