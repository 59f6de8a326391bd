import { formProblem, formValues, readCaseCommand } from './case-forms';

describe('case forms', () => {
  it('reads only the form’s own inputs, one string each, with line breaks as \\n', () => {
    expect(formValues('bericht', { bericht: ['Regel 1\r\nRegel 2', 'x'], status: 'closed' })).toEqual({
      bericht: 'Regel 1\nRegel 2',
    });
    expect(formValues('status', null)).toEqual({ status: '', toelichting: '' });
  });

  it('turns each form into a command for its service', () => {
    expect(readCaseCommand('toewijzen', { behandelaar: 'abc' })).toEqual({
      action: 'toewijzen',
      assigneeId: 'abc',
    });
    expect(readCaseCommand('toewijzen', { behandelaar: 'niemand' })).toEqual({
      action: 'toewijzen',
      assigneeId: null,
    });
    expect(readCaseCommand('status', { status: 'informal_contact', toelichting: '  Gebeld.  ' })).toEqual({
      action: 'status',
      to: 'informal_contact',
      note: 'Gebeld.',
    });
    expect(readCaseCommand('status', { status: 'closed', toelichting: ' ' })).toEqual({
      action: 'status',
      to: 'closed',
    });
    expect(readCaseCommand('bericht', { bericht: 'Hallo' })).toEqual({ action: 'bericht', body: 'Hallo' });
    expect(
      readCaseCommand('doorverwijzen', { organisatie: ' schuldhulpverlening ', toelichting: '' }),
    ).toEqual({
      action: 'doorverwijzen',
      partnerCode: 'schuldhulpverlening',
    });
  });

  it('says what is missing before anything is sent', () => {
    expect(readCaseCommand('toewijzen', { behandelaar: '' })).toEqual([
      { field: 'behandelaar', message: 'Kies een behandelaar.' },
    ]);
    expect(readCaseCommand('status', { status: '', toelichting: '' })).toEqual([
      { field: 'status', message: 'Kies de nieuwe status.' },
    ]);
    expect(readCaseCommand('status', { status: 'later', toelichting: '' })).toEqual([
      { field: 'status', message: 'Kies een status uit de lijst.' },
    ]);
    expect(readCaseCommand('doorverwijzen', { organisatie: 'x', toelichting: 'a'.repeat(2001) })).toEqual([
      { field: 'toelichting', message: 'De toelichting is te lang: hoogstens 2000 tekens.' },
    ]);
  });

  it('puts a service’s field errors beside the form’s inputs and links them from the summary', () => {
    const problem = formProblem(
      'doorverwijzen',
      { organisatie: 'x', toelichting: 'Mijn notitie' },
      [
        { field: 'partner', message: 'Kies een hulporganisatie uit de lijst.' },
        { field: 'note', message: 'Te lang.' },
      ],
      'Niet alle gegevens zijn goed ingevuld.',
    );
    expect(problem).toEqual({
      action: 'doorverwijzen',
      values: { organisatie: 'x', toelichting: 'Mijn notitie' },
      fields: { organisatie: 'Kies een hulporganisatie uit de lijst.', toelichting: 'Te lang.' },
      summary: [
        { href: '#doorverwijzen-organisatie', message: 'Kies een hulporganisatie uit de lijst.' },
        { href: '#doorverwijzen-toelichting', message: 'Te lang.' },
      ],
    });
    expect(
      formProblem('bericht', { bericht: '' }, [{ field: 'body', message: 'Typ een bericht.' }], '').fields,
    ).toEqual({
      bericht: 'Typ een bericht.',
    });
  });

  it('shows a problem without fields (a 409) at the form’s first input', () => {
    const problem = formProblem(
      'status',
      { status: 'received', toelichting: '' },
      undefined,
      'Dat kan niet meer.',
    );
    expect(problem.fields).toEqual({ status: 'Dat kan niet meer.' });
    expect(problem.summary).toEqual([{ href: '#status-keuze', message: 'Dat kan niet meer.' }]);
    // An unknown field name also lands on the first input.
    expect(
      formProblem('toewijzen', { behandelaar: 'x' }, [{ field: 'weird', message: 'm' }], '').fields,
    ).toEqual({
      behandelaar: 'm',
    });
  });

  it('keeps ticked checkboxes of a procedure form as one comma-joined value', () => {
    expect(formValues('herstel-vragen', { onderdelen: ['address', 'grounds'], termijn: '14' })).toEqual({
      onderdelen: 'address,grounds',
      termijn: '14',
    });
    expect(formValues('herstel-ontvangen', {})).toEqual({ onderdelen: '' });
  });

  it('puts a refusal about one input (by its problem code) beside that input', () => {
    const problem = formProblem(
      'hoorzitting',
      { moment: '2027-01-14T10:00', plaats: 'Stadhuis', videolink: '', hoorder: 'x', besluitnemer: 'x' },
      undefined,
      'Jeroen Bakker nam het besluit en mag daarom niet horen.',
      'hearer-took-decision',
    );
    expect(problem.summary).toEqual([
      { href: '#hoorzitting-hoorder', message: 'Jeroen Bakker nam het besluit en mag daarom niet horen.' },
    ]);
  });

  it('words a decision’s hearing problem for the form, not in the API’s JSON terms', () => {
    const problem = formProblem(
      'beslissen',
      { uitkomst: 'unfounded', motivering: 'x', hoorzitting: '' },
      [{ field: 'hearing', message: 'Geef hearing: { "held": true } …' }],
      '',
    );
    expect(problem.fields.hoorzitting).toBe(
      'Er is geen hoorzitting vastgelegd en geen grond om niet te horen. Kies "De indiener is gehoord" of: ' +
        'kennelijk ongegrond (7:3 onder b); indiener wil niet gehoord worden (7:3 onder c); ' +
        'indiener reageerde niet op tijd (7:3 onder d).',
    );
    expect(problem.summary).toEqual([
      { href: '#beslissen-hoorzitting', message: problem.fields.hoorzitting },
    ]);
  });
});
