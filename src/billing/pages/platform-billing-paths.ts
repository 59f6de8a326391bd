/** Where the operator's billing pages live. */
export const PLANS_PATH = '/platform/plannen';
export const NEW_PLAN_PATH = `${PLANS_PATH}/nieuw`;
export const INVOICES_PATH = '/platform/facturen';
export const GENERATE_PATH = `${INVOICES_PATH}/genereren`;
export const USAGE_PATH = '/platform/gebruik';

export const planPath = (code: string) => `${PLANS_PATH}/${encodeURIComponent(code)}`;
export const licencePath = (slug: string) => `/platform/gemeenten/${encodeURIComponent(slug)}/licentie`;
export const invoicePath = (slug: string, id: string) =>
  `/platform/gemeenten/${encodeURIComponent(slug)}/facturen/${encodeURIComponent(id)}`;
