/** "14 0123" → "tel:140123"; "+31 (0)20 123 4567" → "tel:+31201234567". */
export function phoneHref(phone: string): string {
  return `tel:${phone.replace(/\(0\)/g, '').replace(/[^0-9+]/g, '')}`;
}

/** "https://www.rivierstad.example/" → "www.rivierstad.example". */
export function websiteLabel(url: string): string {
  return url.replace(/^https?:\/\//, '').replace(/\/$/, '');
}

/** Only web links become links: a configured `javascript:` URL must never reach an href. */
export function safeWebsite(url: string | undefined): string | undefined {
  return url && /^https?:\/\//i.test(url) ? url : undefined;
}
