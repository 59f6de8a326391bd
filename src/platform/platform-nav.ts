import type { NavLink } from '../staff-pages/staff-pages.service';

/** The operator's menu on every platform page. */
export const PLATFORM_SECTIONS = {
  tenants: { href: '/platform', label: 'Gemeenten' },
  plans: { href: '/platform/plannen', label: 'Licentieplannen' },
  invoices: { href: '/platform/facturen', label: 'Facturen' },
} as const;
export type PlatformSection = keyof typeof PLATFORM_SECTIONS;

export function platformNav(current?: PlatformSection): NavLink[] {
  return Object.entries(PLATFORM_SECTIONS).map(([key, link]) => ({ ...link, current: key === current }));
}
