import { EntityManager } from 'typeorm';

/** Refuses to serve when the working role could bypass row-level security. */
export async function assertRowLevelSecurityApplies(manager: EntityManager): Promise<void> {
  const [role] = (await manager.query(
    `SELECT current_user AS name, rolsuper AS superuser, rolbypassrls AS bypass
       FROM pg_roles WHERE rolname = current_user`,
  )) as { name: string; superuser: boolean; bypass: boolean }[];
  if (!role || role.superuser || role.bypass) {
    throw new Error(
      `Database role "${role?.name ?? 'unknown'}" is a superuser or has BYPASSRLS: row-level security would not ` +
        `protect tenants. Connect DATABASE_URL as a role without those rights (see README, "Real PostgreSQL").`,
    );
  }
}
