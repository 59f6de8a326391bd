import {
  Column,
  CreateDateColumn,
  Entity,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { RegulationConfig } from '../tenancy/tenant-config.schema';

/** The part of a regulation kept as one document: terms, hints, partners and the diagnosis tree. */
export type RegulationDefinition = Omit<RegulationConfig, 'code' | 'name'>;

@Entity('regulations')
export class Regulation {
  @PrimaryColumn({ name: 'tenant_id', type: 'uuid' })
  tenantId!: string;

  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  code!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'jsonb' })
  definition!: RegulationDefinition;

  /** 'file': still as seeded from tenant.yaml; 'admin': changed at run time, so the seed no longer overwrites it. */
  @Column({ type: 'text', default: 'file' })
  origin!: 'file' | 'admin';

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  /** The current version (see RegulationVersion); every saved change adds one. */
  @Column({ type: 'integer', default: 1 })
  version!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
