import { Injectable } from '@nestjs/common';
import { Database } from '../database/database.service';
import { ProblemError } from '../common/problems/problem.error';
import { Tenant } from './tenant.entity';

@Injectable()
export class TenantsService {
  constructor(private readonly database: Database) {}

  /** The tenant a public path names; unknown slugs are a 404 problem. */
  async requireBySlug(slug: string): Promise<Tenant> {
    const tenant = await this.database.forPlatform((db) => db.getRepository(Tenant).findOneBy({ slug }));
    if (!tenant) throw ProblemError.notFound(`Er is geen gemeente "${slug}" op dit platform.`);
    return tenant;
  }

  list(): Promise<Tenant[]> {
    return this.database.forPlatform((db) => db.getRepository(Tenant).find({ order: { slug: 'ASC' } }));
  }
}
