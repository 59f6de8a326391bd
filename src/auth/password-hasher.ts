import { hash, verify } from '@node-rs/argon2';

/** argon2id (the library's default, as OWASP recommends); a hash of nothing, so unknown accounts cost the same time as known ones. */
export const passwordHasher = {
  hash: (password: string): Promise<string> => hash(password),
  verify: (passwordHash: string, password: string): Promise<boolean> => verify(passwordHash, password),
};

let decoy: Promise<string> | undefined;
export function decoyHash(): Promise<string> {
  decoy ??= passwordHasher.hash('decoy-password-for-unknown-accounts');
  return decoy;
}
