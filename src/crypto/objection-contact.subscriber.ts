import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntitySubscriberInterface, InsertEvent, ObjectLiteral, UpdateEvent } from 'typeorm';
import { Objection } from '../objections/objection.entity';
import { FieldCipher } from './field-cipher';
import {
  needsResealing,
  OBJECTOR_COLUMN,
  openFields,
  REPRESENTATIVE_COLUMN,
  SealedColumn,
  sealFields,
} from './sealed-fields';

const COLUMNS: [keyof Objection & ('objector' | 'representative'), SealedColumn][] = [
  ['objector', OBJECTOR_COLUMN],
  ['representative', REPRESENTATIVE_COLUMN],
];

/**
 * Keeps the contact details of objector and representative sealed in the objections table (see
 * sealed-fields.ts) while the code works with them in clear: sealed just before an insert or update through
 * TypeORM, opened when an Objection is loaded. A subscriber rather than a column transformer because the
 * encryption context holds the tenant, which a transformer never sees. Raw SQL that reads these columns must
 * open them itself (openFields).
 */
@Injectable()
export class ObjectionContactSubscriber implements EntitySubscriberInterface<Objection> {
  /** The plaintext values of an entity while its sealed form is being written. */
  private readonly writing = new WeakMap<ObjectLiteral, Partial<Record<string, unknown>>>();

  constructor(
    @InjectDataSource() dataSource: DataSource,
    private readonly cipher: FieldCipher,
  ) {
    dataSource.subscribers.push(this);
  }

  listenTo(): typeof Objection {
    return Objection;
  }

  afterLoad(entity: Objection): void {
    for (const [property, column] of COLUMNS) {
      const value = entity[property] as Record<string, unknown> | null | undefined;
      if (!value) continue;
      if (!entity.tenantId)
        throw new Error(`Select tenant_id with objections.${property}: it is needed to decrypt`);
      (entity as unknown as Record<string, unknown>)[property] = openFields(
        this.cipher,
        column,
        entity.tenantId,
        value,
      );
    }
  }

  beforeInsert(event: InsertEvent<Objection>): void {
    this.seal(event.entity);
  }

  afterInsert(event: InsertEvent<Objection>): void {
    this.restore(event.entity);
  }

  beforeUpdate(event: UpdateEvent<Objection>): void {
    if (event.entity) this.seal(event.entity, (event.databaseEntity as Objection | undefined)?.tenantId);
  }

  afterUpdate(event: UpdateEvent<Objection>): void {
    if (event.entity) this.restore(event.entity);
  }

  private seal(entity: ObjectLiteral, knownTenantId?: string): void {
    const plain: Record<string, unknown> = {};
    for (const [property, column] of COLUMNS) {
      const value = entity[property] as unknown;
      if (!needsResealing(this.cipher, column, value)) continue;
      const tenantId = (entity.tenantId as string | undefined) ?? knownTenantId;
      // Never write contact details in clear: an update that sets them must say whose they are.
      if (!tenantId) throw new Error(`Writing objections.${property} needs tenantId among the values`);
      plain[property] = value;
      entity[property] = sealFields(this.cipher, column, tenantId, value as Record<string, unknown>);
    }
    if (Object.keys(plain).length) this.writing.set(entity, plain);
  }

  /** The caller keeps working with the values in clear. */
  private restore(entity: ObjectLiteral): void {
    const plain = this.writing.get(entity);
    if (!plain) return;
    Object.assign(entity, plain);
    this.writing.delete(entity);
  }
}
