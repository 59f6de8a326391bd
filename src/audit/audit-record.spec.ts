import { channelOf, describeRequest, isChange, resultOf, safeToken } from './audit-record';

describe('describeRequest', () => {
  const describe_ = (method: string, route: string, params: Record<string, string>, declared?: string) =>
    describeRequest({ method, route, params: { tenant: 'rivierstad', ...params } }, declared);

  it('names a case read after the declared action, with the case as object', () => {
    expect(
      describe_(
        'GET',
        '/api/v1/tenants/:tenant/objections/:reference',
        { reference: 'RIV-2026-00001' },
        'case.read',
      ),
    ).toEqual({
      action: 'case.read',
      object: { type: 'case', id: 'RIV-2026-00001', caseReference: 'RIV-2026-00001' },
    });
  });

  it('names a change after its object and the path after it, or its method', () => {
    const ref = { reference: 'RIV-2026-00001' };
    expect(describe_('POST', '/api/v1/tenants/:tenant/objections/:reference/decision', ref).action).toBe(
      'case.decision',
    );
    expect(describe_('PUT', '/api/v1/tenants/:tenant/objections/:reference/assignee', ref).action).toBe(
      'case.assignee',
    );
    expect(describe_('POST', '/api/v1/tenants/:tenant/objections', {})).toEqual({
      action: 'case.create',
      object: { type: 'case', id: null, caseReference: null },
    });
    expect(
      describe_('POST', '/:tenant/behandelaar/zaken/:reference/:action', { ...ref, action: 'status' }).action,
    ).toBe('case.status');
    expect(
      describe_('DELETE', '/api/v1/tenants/:tenant/admin/letter-templates/:kind', { kind: 'decision' }),
    ).toEqual({
      action: 'letter_template.delete',
      object: { type: 'letter_template', id: 'decision', caseReference: null },
    });
  });

  it('names a document of a case, keeping the case reference beside it', () => {
    expect(
      describe_(
        'GET',
        '/:tenant/behandelaar/zaken/:reference/documenten/:id',
        { reference: 'RIV-2026-00001', id: 'a1b2' },
        'document.read',
      ).object,
    ).toEqual({ type: 'document', id: 'a1b2', caseReference: 'RIV-2026-00001' });
  });

  it('never takes the secret case link as an object id', () => {
    const { object, action } = describe_('POST', '/:tenant/zaak/:token/bericht', {
      token: 'sEcReTtOkEn1234567890',
    });
    expect(object).toEqual({ type: 'case', id: null, caseReference: null });
    expect(action).toBe('case.bericht');
  });

  it('names logins and logouts as such', () => {
    expect(describe_('POST', '/:tenant/behandelaar/inloggen', {}).action).toBe('session.login');
    expect(describe_('POST', '/:tenant/uitloggen', {}).action).toBe('session.logout');
  });

  it('keeps free text out: a parameter that is no identifier is replaced', () => {
    expect(
      describe_(
        'GET',
        '/api/v1/tenants/:tenant/objections/:reference',
        { reference: 'Bo de Vries' },
        'case.read',
      ).object.id,
    ).toBe('[ongeldig]');
    expect(safeToken('x'.repeat(101))).toBe('[ongeldig]');
    expect(safeToken('')).toBeNull();
  });
});

describe('resultOf, isChange, channelOf', () => {
  it('maps statuses to results', () => {
    expect([200, 201, 303, 400, 401, 403, 404, 409, 422, 500, 503].map(resultOf)).toEqual([
      'success',
      'success',
      'success',
      'refused',
      'refused',
      'refused',
      'refused',
      'refused',
      'refused',
      'failed',
      'failed',
    ]);
  });

  it('counts every method but GET and HEAD as a change', () => {
    expect(['POST', 'PUT', 'PATCH', 'DELETE', 'GET', 'HEAD'].map(isChange)).toEqual([
      true,
      true,
      true,
      true,
      false,
      false,
    ]);
  });

  it('tells the API from the pages', () => {
    expect(channelOf('/api/v1/tenants/:tenant/inbox')).toBe('api');
    expect(channelOf('/:tenant/behandelaar')).toBe('page');
  });
});
