import type { ConfigDiff } from '../tenancy/tenant-config-diff';
import { diffSections, problemList } from './configuration-view';

const empty: ConfigDiff = {
  profile: [],
  regulations: { added: [], changed: [], retired: [], reactivated: [] },
  referralPartners: { added: [], changed: [], reactivated: [] },
  unchanged: true,
};

describe('configuration view', () => {
  it('shows only the sections and groups in which something changes', () => {
    expect(diffSections(empty)).toEqual([]);
    const sections = diffSections({
      ...empty,
      regulations: { ...empty.regulations, retired: [{ code: 'woz', name: 'WOZ' }] },
      unchanged: false,
    });
    expect(sections).toEqual([
      {
        id: 'regelingen',
        title: 'Regelingen',
        groups: [
          {
            title: 'Buiten gebruik (staan niet in het bestand; ingediende bezwaren lopen door)',
            items: [{ code: 'woz', name: 'WOZ', changes: [] }],
          },
        ],
      },
    ]);
  });

  it('lists each problem with its place in the file', () => {
    expect(
      problemList([{ field: 'regulations[0].law', message: 'Dit ontbreekt: vul het in. (regel 9)' }], 'x'),
    ).toEqual([{ href: '#yaml', message: 'regulations[0].law: Dit ontbreekt: vul het in. (regel 9)' }]);
    expect(problemList([{ field: 'yaml', message: 'Leeg.' }], 'x')).toEqual([
      { href: '#yaml', message: 'Leeg.' },
    ]);
    expect(problemList([], 'Veranderd.')).toEqual([{ href: '#yaml', message: 'Veranderd.' }]);
  });
});
