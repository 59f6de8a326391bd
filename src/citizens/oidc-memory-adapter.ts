import type { Adapter, AdapterPayload } from 'oidc-provider';

interface Entry {
  payload: AdapterPayload;
  expiresAt: number;
}

const MAX_ENTRIES = 10_000;
const DEFAULT_TTL = 3_600;

/**
 * Storage of the in-process OpenID provider (development and tests only): sessions, interactions, codes and
 * tokens live in this process and expire by their TTL. One store per provider instance.
 */
export class OidcMemoryStore {
  private readonly entries = new Map<string, Entry>();

  get(key: string): AdapterPayload | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= Date.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.payload;
  }

  set(key: string, payload: AdapterPayload, expiresInSeconds: number | undefined): void {
    if (this.entries.size >= MAX_ENTRIES) this.prune();
    this.entries.set(key, { payload, expiresAt: Date.now() + (expiresInSeconds ?? DEFAULT_TTL) * 1000 });
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  /** The adapter class oidc-provider instantiates once per model name. */
  adapterClass(): new (model: string) => Adapter {
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const store = this;
    return class implements Adapter {
      constructor(private readonly model: string) {}

      private key(id: string): string {
        return `${this.model}:${id}`;
      }

      async upsert(id: string, payload: AdapterPayload, expiresIn: number): Promise<void> {
        if (this.model === 'Session' && payload.uid)
          store.set(`sessionUid:${payload.uid}`, { id }, expiresIn);
        if (payload.userCode) store.set(`userCode:${payload.userCode}`, { id }, expiresIn);
        if (payload.grantId) {
          const grantKey = `grant:${payload.grantId}`;
          const keys = (store.get(grantKey)?.keys as string[] | undefined) ?? [];
          store.set(grantKey, { keys: [...keys, this.key(id)] }, expiresIn);
        }
        store.set(this.key(id), payload, expiresIn);
      }

      async find(id: string): Promise<AdapterPayload | undefined> {
        return store.get(this.key(id));
      }

      async findByUid(uid: string): Promise<AdapterPayload | undefined> {
        const ref = store.get(`sessionUid:${uid}`);
        return typeof ref?.id === 'string' ? this.find(ref.id) : undefined;
      }

      async findByUserCode(userCode: string): Promise<AdapterPayload | undefined> {
        const ref = store.get(`userCode:${userCode}`);
        return typeof ref?.id === 'string' ? this.find(ref.id) : undefined;
      }

      async consume(id: string): Promise<void> {
        const payload = store.get(this.key(id));
        if (payload) payload.consumed = Math.floor(Date.now() / 1000);
      }

      async destroy(id: string): Promise<void> {
        store.delete(this.key(id));
      }

      async revokeByGrantId(grantId: string): Promise<void> {
        const grantKey = `grant:${grantId}`;
        for (const key of (store.get(grantKey)?.keys as string[] | undefined) ?? []) store.delete(key);
        store.delete(grantKey);
      }
    };
  }

  private prune(): void {
    const now = Date.now();
    for (const [key, entry] of this.entries) if (entry.expiresAt <= now) this.entries.delete(key);
    // Still full: drop the oldest (a Map iterates in insertion order).
    for (const key of this.entries.keys()) {
      if (this.entries.size < MAX_ENTRIES) break;
      this.entries.delete(key);
    }
  }
}
