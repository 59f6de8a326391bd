import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { RegulationDefinition } from './regulation.entity';

/**
 * One saved state of a regulation, never changed afterwards (the app role may not UPDATE or DELETE these rows):
 * a filed objection points at the version it was filed under; a rollback adds a new version with old content.
 */
@Entity('regulation_versions')
export class RegulationVersion {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' })
  tenantId!: string;

  @PrimaryColumn({ name: 'regulation_id', type: 'uuid' })
  regulationId!: string;

  @PrimaryColumn({ type: 'integer' })
  version!: number;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'jsonb' })
  definition!: RegulationDefinition;

  @Column({ type: 'boolean' })
  active!: boolean;

  /** What changed, in the admin's words ('seed' for a version from tenant.yaml). */
  @Column({ type: 'text' })
  note!: string;

  /** The staff member who saved it; null for the seed. */
  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
