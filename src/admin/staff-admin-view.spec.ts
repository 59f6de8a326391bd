import type { StaffAccountView } from '../auth/staff-account-rows';
import { formFieldsOf } from '../portal/form-body';
import {
  doneText,
  inviteForm,
  isMemberAction,
  readInviteForm,
  rolesChoices,
  staffAdminPath,
  statusOf,
  summaryErrors,
} from './staff-admin-view';

const account = (over: Partial<StaffAccountView> = {}): StaffAccountView => ({
  id: 'a',
  name: 'Noor de Wit',
  email: 'noor@rivierstad.example',
  roles: ['handler'],
  active: true,
  demo: false,
  lastLoginAt: null,
  invitedAt: null,
  deactivatedAt: null,
  invitation: 'accepted',
  invitationExpiresAt: null,
  ...over,
});

describe('staff admin view', () => {
  it('says where an account stands', () => {
    expect(statusOf(account())).toEqual({ label: 'Actief' });
    expect(
      statusOf(account({ invitation: 'pending', invitationExpiresAt: new Date('2026-12-08T13:05:00Z') })),
    ).toEqual({ label: 'Uitgenodigd', detail: 'link geldig tot 8 december 2026 om 14:05' });
    expect(statusOf(account({ invitation: 'expired' }))).toEqual({
      label: 'Uitnodiging verlopen',
      detail: 'stuur een nieuwe',
    });
    expect(statusOf(account({ active: false, deactivatedAt: new Date('2026-12-01T09:00:00Z') }))).toEqual({
      label: 'Gedeactiveerd',
      detail: 'sinds 1 december 2026 om 10:00',
    });
  });

  it('reads the invite form and shows it again with its errors beside the fields', () => {
    const values = readInviteForm(
      formFieldsOf({ naam: ' Noor ', email: 'noor@x.nl', rollen: ['handler', 'tenant_admin'] }),
    );
    expect(values).toEqual({ name: 'Noor', email: 'noor@x.nl', roles: ['handler', 'tenant_admin'] });
    const form = inviteForm(values, [{ field: 'email', message: 'Fout adres.' }]);
    expect(form.email).toEqual({ id: 'email', name: 'email', value: 'noor@x.nl', error: 'Fout adres.' });
    expect(form.name.error).toBeUndefined();
    expect(form.roles.options.map((o) => [o.id, o.checked])).toEqual([
      ['rollen', true],
      ['rollen-tenant_admin', true],
    ]);
    expect(rolesChoices([]).options.every((o) => !o.checked)).toBe(true);
  });

  it('links each field error to its input, and shows a conflict on its own', () => {
    expect(summaryErrors([{ field: 'name', message: 'Naam.' }], 'x')).toEqual([
      { href: '#naam', message: 'Naam.' },
    ]);
    expect(summaryErrors([], 'Laatste beheerder.')).toEqual([{ message: 'Laatste beheerder.' }]);
  });

  it('knows its paths, actions and messages', () => {
    expect(staffAdminPath('rivierstad', 'abc')).toBe('/rivierstad/behandelaar/beheer/medewerkers/abc');
    expect(isMemberAction('deactiveren')).toBe(true);
    expect(isMemberAction('verwijderen')).toBe(false);
    expect(doneText('rollen')).toBe('De rollen zijn opgeslagen. Ze gelden meteen.');
    expect(doneText('toString')).toBeUndefined();
  });
});
