import { bulkProblem, bulkValues, caseCheckboxId, readBulkDecision } from './bulk-decision-form';

describe('bulk decision form', () => {
  it('reads the ticked cases (each once), the decision and the list it came from', () => {
    const values = bulkValues({
      zaak: ['RIV-2026-00001', ' RIV-2026-00002 ', 'RIV-2026-00001'],
      uitkomst: 'unfounded',
      motivering: 'De WOZ-waarde klopt.\r\nZie de taxatie.',
      hoorzitting: 'clearly_unfounded',
      lijst: 'status=received',
    });
    expect(values).toEqual({
      zaken: ['RIV-2026-00001', 'RIV-2026-00002'],
      uitkomst: 'unfounded',
      motivering: 'De WOZ-waarde klopt.\nZie de taxatie.',
      hoorzitting: 'clearly_unfounded',
      lijst: 'status=received',
    });
    expect(readBulkDecision(values)).toEqual({
      references: ['RIV-2026-00001', 'RIV-2026-00002'],
      outcome: 'unfounded',
      reasoning: 'De WOZ-waarde klopt.\nZie de taxatie.',
      hearing: { ground: 'clearly_unfounded' },
    });
    expect(readBulkDecision({ ...values, zaken: ['RIV-2026-00001'], hoorzitting: 'gehouden' })).toMatchObject(
      {
        hearing: { held: true },
      },
    );
    expect(readBulkDecision({ ...values, hoorzitting: '' })).not.toHaveProperty('hearing');
    expect(bulkValues('nonsense')).toEqual({
      zaken: [],
      uitkomst: '',
      motivering: '',
      hoorzitting: '',
      lijst: '',
    });
  });

  it('says what is missing, and a ground that does not fit the outcome', () => {
    expect(readBulkDecision(bulkValues({ motivering: ' ' }))).toEqual([
      { field: 'zaak', message: 'Kies in de tabel de zaken waarover u wilt beslissen.' },
      { field: 'uitkomst', message: 'Kies de beslissing voor alle gekozen zaken.' },
      { field: 'motivering', message: 'Schrijf de motivering van de beslissing.' },
    ]);
    const errors = readBulkDecision(
      bulkValues({
        zaak: 'RIV-2026-00001',
        uitkomst: 'founded',
        motivering: 'x',
        hoorzitting: 'clearly_unfounded',
      }),
    );
    expect(errors).toEqual([
      { field: 'hoorzitting', message: expect.stringContaining('past niet bij een gegrond bezwaar') },
    ]);
  });

  it('puts the run’s refusals beside the cases they name, and the whole beside the table', () => {
    const values = bulkValues({
      zaak: ['RIV-2026-00001', 'RIV-2026-00002'],
      uitkomst: 'unfounded',
      motivering: 'x',
    });
    expect(
      bulkProblem(
        values,
        [{ field: 'references[1]', message: 'RIV-2026-00002 is al afgehandeld (status Besloten).' }],
        '1 van de 2 zaken kunnen niet in deze reeks.',
      ),
    ).toEqual({
      values,
      fields: { zaak: '1 van de 2 zaken kunnen niet in deze reeks.' },
      cases: { 'RIV-2026-00002': 'RIV-2026-00002 is al afgehandeld (status Besloten).' },
    });
    expect(bulkProblem(values, [{ field: 'reasoning', message: 'Te lang.' }], 'Ongeldig').fields).toEqual({
      motivering: 'Te lang.',
    });
    expect(bulkProblem(values, undefined, 'Al bezig.').fields).toEqual({ zaak: 'Al bezig.' });
    expect(caseCheckboxId('RIV 2026/1')).toBe('kies-RIV-2026-1');
  });
});
