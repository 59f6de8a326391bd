import { createHash, createHmac } from 'node:crypto';

/**
 * The citizen's secret case link. The token is derived (HMAC) from a server secret and the case, so a retried
 * filing can return the same link without the link ever being stored: the database keeps only its sha256.
 */
export class CaseLinks {
  constructor(
    private readonly secret: string,
    private readonly publicUrl: string,
  ) {}

  token(tenantId: string, objectionId: string): string {
    return createHmac('sha256', this.secret)
      .update(`case-link:${tenantId}:${objectionId}`)
      .digest('base64url');
  }

  url(tenantSlug: string, token: string): string {
    return `${this.publicUrl}/${tenantSlug}/zaak/${token}`;
  }

  static hash(token: string): string {
    return createHash('sha256').update(token).digest('hex');
  }
}
