import { EntityManager } from 'typeorm';
import { passwordHasher } from '../auth/password-hasher';
import { PlatformOperator } from './platform-operator.entity';

export const DEMO_OPERATOR = { email: 'operator@bezwaarplatform.example', name: 'Demo Platformbeheer' };
export const MIN_OPERATOR_PASSWORD = 12;

/** What is wrong with a new operator account's e-mail address, name or password, in one line each. */
export function operatorAccountProblems(email: string, name: string, password: string | undefined): string[] {
  return [
    ...(/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) ? [] : [`"${email}" is not an e-mail address`]),
    ...(name.trim() ? [] : ['the name is empty']),
    ...(password && password.length >= MIN_OPERATOR_PASSWORD
      ? []
      : [`OPERATOR_PASSWORD must be set to at least ${MIN_OPERATOR_PASSWORD} characters`]),
  ];
}

/**
 * Creates an operator account, or gives an existing one this name and password and makes it active again;
 * one unit of work on the platform. Returns whether the account is new.
 */
export async function saveOperator(
  db: EntityManager,
  account: { email: string; name: string; password: string; demo: boolean },
): Promise<{ created: boolean }> {
  const passwordHash = await passwordHasher.hash(account.password);
  const [row] = (await db.query(
    `INSERT INTO platform_operators (email, name, password_hash, demo) VALUES ($1, $2, $3, $4)
     ON CONFLICT (email) DO UPDATE SET name = EXCLUDED.name, password_hash = EXCLUDED.password_hash,
       demo = EXCLUDED.demo, active = true
     RETURNING (xmax = 0) AS created`,
    [account.email.trim().toLowerCase(), account.name.trim(), passwordHash, account.demo],
  )) as { created: boolean }[];
  return { created: row.created };
}

/** Whether the operator with this e-mail address exists, is active, and has this password. */
export async function hasPassword(db: EntityManager, email: string, password: string): Promise<boolean> {
  const operator = await db
    .getRepository(PlatformOperator)
    .createQueryBuilder('o')
    .addSelect('o.passwordHash')
    .where('o.email = :email AND o.active', { email })
    .getOne();
  return Boolean(operator?.passwordHash && (await passwordHasher.verify(operator.passwordHash, password)));
}
