import type { InvitationState } from '../auth/staff-account-rules';
import { LICENCE_STATE_LABELS, momentText } from '../billing/billing-view';
import type { TenantStatus } from '../tenancy/tenant.entity';
import type { TenantAdmin, TenantDetails, TenantSummary } from './platform-tenants.service';

/** How the operator's pages say a municipality's state, in Dutch. */
export const TENANT_STATUS_LABELS: Record<TenantStatus, string> = {
  active: 'Actief',
  offboarded: 'Van het platform gehaald',
};

/** The platform pages say a licence's state, and the day of a moment, as the billing pages do. */
export { LICENCE_STATE_LABELS };
export const dutchDay = momentText;

const INVITATION_LABELS: Record<InvitationState, string> = {
  accepted: 'Account in gebruik',
  pending: 'Uitgenodigd, nog niet aangenomen',
  expired: 'Uitnodiging verlopen',
};

export function tenantPath(slug: string): string {
  return `/platform/gemeenten/${encodeURIComponent(slug)}`;
}

/** One row of the tenants table. */
export function tenantRow(summary: TenantSummary) {
  return {
    name: summary.name,
    slug: summary.slug,
    href: tenantPath(summary.slug),
    inhabitants: summary.inhabitants.toLocaleString('nl-NL'),
    status: TENANT_STATUS_LABELS[summary.status],
    offboarded: summary.status === 'offboarded',
    licenceState: LICENCE_STATE_LABELS[summary.licenceState],
    plan: summary.licence?.planName ?? 'Geen licentie',
    objectionsThisYear: summary.objectionsThisYear.toLocaleString('nl-NL'),
  };
}

export function adminRow(admin: TenantAdmin) {
  return {
    name: admin.name,
    email: admin.email,
    state: !admin.active
      ? 'Gedeactiveerd'
      : admin.invitation === 'pending' && admin.invitedAt
        ? `Uitgenodigd op ${dutchDay(admin.invitedAt)}, nog niet aangenomen`
        : INVITATION_LABELS[admin.invitation],
    lastLogin: admin.lastLoginAt ? dutchDay(admin.lastLoginAt) : 'Nog nooit',
  };
}

/** The details page's facts as rows of a summary list. */
export function profileRows(details: TenantDetails): { key: string; value: string; href?: string }[] {
  const { profile } = details;
  const address = profile.contact.postalAddress;
  const court = profile.court;
  return [
    { key: 'Korte naam', value: details.slug },
    { key: 'Portaal', value: `/${details.slug}`, href: `/${details.slug}` },
    { key: 'Inwoners', value: details.inhabitants.toLocaleString('nl-NL') },
    { key: 'Bestuursorgaan', value: profile.governingBody },
    {
      key: 'Rechtbank',
      value: `${court.name}, ${court.address.street} ${court.address.houseNumber}, ${court.address.postalCode} ${court.address.city}`,
    },
    { key: 'Telefoon', value: profile.contact.phone },
    { key: 'E-mail', value: profile.contact.email },
    { key: 'Website', value: profile.contact.website },
    {
      key: 'Postadres',
      value: `${address.street} ${address.houseNumber}, ${address.postalCode} ${address.city}`,
    },
    { key: 'Op het platform sinds', value: dutchDay(details.createdAt) },
    { key: 'Status', value: TENANT_STATUS_LABELS[details.status] },
    ...(details.offboardedAt
      ? [{ key: 'Van het platform gehaald op', value: dutchDay(details.offboardedAt) }]
      : []),
  ];
}
