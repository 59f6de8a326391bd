import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { StaffDirectoryService } from '../auth/staff-directory.service';
import { ProblemError } from '../common/problems/problem.error';
import { Database } from '../database/database.service';
import type { RegulationConfig } from '../tenancy/tenant-config.schema';
import { regulationConfig } from './regulation-definition';
import { Regulation } from './regulation.entity';
import { RegulationVersion } from './regulation-version.entity';
import {
  existingRegulation as existing,
  SaveOptions,
  saveRegulation,
  SaveResult,
  setRegulationActive,
} from './regulation-versions';

export interface RegulationSummary {
  code: string;
  name: string;
  active: boolean;
  version: number;
  /** 'file': as seeded from tenant.yaml; 'admin': changed here (the seed leaves it alone). */
  origin: 'file' | 'admin';
  updatedAt: Date;
}

export interface RegulationState extends RegulationSummary {
  /** In the tenant.yaml shape. */
  regulation: RegulationConfig;
}

export interface VersionSummary {
  version: number;
  name: string;
  active: boolean;
  note: string;
  createdAt: Date;
  createdBy: { id: string; name: string } | null;
  current: boolean;
}

export interface VersionState extends VersionSummary {
  regulation: RegulationConfig;
}

/**
 * A tenant admin's regulations: every change is validated (regulationProblems) and saved as a new immutable
 * version under a row lock, with an optimistic check on the version the admin started from. Cases keep the
 * version they were filed under; citizens always get the current active one.
 */
@Injectable()
export class RegulationAdminService {
  constructor(private readonly database: Database) {}

  list(tenantId: string): Promise<RegulationSummary[]> {
    return this.database.forTenant(tenantId, async (db) =>
      (await db.getRepository(Regulation).find({ where: { tenantId }, order: { name: 'ASC' } })).map(summary),
    );
  }

  get(tenantId: string, code: string): Promise<RegulationState> {
    return this.database.forTenant(tenantId, async (db) => {
      const regulation = await existing(db, tenantId, code);
      return { ...summary(regulation), regulation: regulationConfig(regulation.code, regulation) };
    });
  }

  /**
   * Creates or changes a regulation from `input` in the tenant.yaml shape (its `code` may be left out).
   * @throws ProblemError 400 with a field error per problem, 409 when someone else saved in between
   */
  save(
    tenantId: string,
    staffId: string | null,
    code: string,
    input: unknown,
    options: SaveOptions,
  ): Promise<SaveResult> {
    return this.database.forTenant(tenantId, (db) =>
      saveRegulation(db, tenantId, staffId, code, input, options),
    );
  }

  /** Retires a regulation (citizens no longer see it; its cases carry on) or takes it into use again. */
  setActive(tenantId: string, staffId: string | null, code: string, active: boolean): Promise<SaveResult> {
    return this.database.forTenant(tenantId, (db) =>
      setRegulationActive(db, tenantId, staffId, code, active),
    );
  }

  versions(tenantId: string, code: string): Promise<VersionSummary[]> {
    return this.database.forTenant(tenantId, async (db) => {
      const regulation = await existing(db, tenantId, code);
      const versions = await db.getRepository(RegulationVersion).find({
        where: { tenantId, regulationId: regulation.id },
        order: { version: 'DESC' },
      });
      const names = await StaffDirectoryService.namesIn(
        db,
        tenantId,
        versions.flatMap((v) => (v.createdBy ? [v.createdBy] : [])),
      );
      return versions.map((v) => versionSummary(v, regulation, names));
    });
  }

  version(tenantId: string, code: string, version: number): Promise<VersionState> {
    return this.database.forTenant(tenantId, async (db) => {
      const regulation = await existing(db, tenantId, code);
      const found = await versionOf(db, regulation, version);
      const names = await StaffDirectoryService.namesIn(
        db,
        tenantId,
        found.createdBy ? [found.createdBy] : [],
      );
      return { ...versionSummary(found, regulation, names), regulation: regulationConfig(code, found) };
    });
  }

  /** A new version with the content of version `version` (history is never rewritten); still validated. */
  rollback(
    tenantId: string,
    staffId: string | null,
    code: string,
    version: number,
    options: Partial<SaveOptions> = {},
  ): Promise<SaveResult> {
    return this.database.forTenant(tenantId, async (db) => {
      const old = await versionOf(db, await existing(db, tenantId, code), version);
      const note = [`Teruggezet naar versie ${version}`, options.note?.trim()].filter(Boolean).join(': ');
      return saveRegulation(
        db,
        tenantId,
        staffId,
        code,
        regulationConfig(code, old),
        { expectedVersion: options.expectedVersion, note },
        `Versie ${version} kan niet terug`,
      );
    });
  }
}

function summary(regulation: Regulation): RegulationSummary {
  const { code, name, active, version, origin, updatedAt } = regulation;
  return { code, name, active, version, origin, updatedAt };
}

function versionSummary(
  v: RegulationVersion,
  regulation: Regulation,
  names: ReadonlyMap<string, string>,
): VersionSummary {
  return {
    version: v.version,
    name: v.name,
    active: v.active,
    note: v.note,
    createdAt: v.createdAt,
    createdBy: v.createdBy
      ? { id: v.createdBy, name: names.get(v.createdBy) ?? 'Onbekende medewerker' }
      : null,
    current: v.version === regulation.version,
  };
}

async function versionOf(
  db: EntityManager,
  regulation: Regulation,
  version: number,
): Promise<RegulationVersion> {
  const found = Number.isInteger(version)
    ? await db.getRepository(RegulationVersion).findOneBy({
        tenantId: regulation.tenantId,
        regulationId: regulation.id,
        version,
      })
    : null;
  if (!found) {
    throw ProblemError.notFound(
      `De regeling "${regulation.code}" heeft geen versie ${version} (de huidige is versie ${regulation.version}).`,
    );
  }
  return found;
}
