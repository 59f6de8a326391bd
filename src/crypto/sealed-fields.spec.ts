import { randomBytes } from 'node:crypto';
import { ProblemError } from '../common/problems/problem.error';
import { FieldCipher } from './field-cipher';
import {
  CITIZEN_ADDRESS_COLUMN,
  isSealed,
  needsResealing,
  OBJECTOR_COLUMN,
  openFields,
  REPRESENTATIVE_COLUMN,
  sealFields,
  staleSql,
} from './sealed-fields';

const indexKey = randomBytes(32);
const k1 = { id: 'k1', key: randomBytes(32) };
const k2 = { id: 'k_2', key: randomBytes(32) };
const cipher = new FieldCipher([k1], indexKey);
const rotated = new FieldCipher([k2, k1], indexKey);

const bo = {
  name: 'Bo de Vries',
  email: 'bo@example.nl',
  phone: '06 12345678',
  address: { street: 'Dijkstraat', houseNumber: '12a', postalCode: '4101 AB', city: 'Rivierstad' },
};

describe('sealed fields', () => {
  it('keeps the name readable and seals everything else in one ciphertext', () => {
    const stored = sealFields(cipher, OBJECTOR_COLUMN, 'tenant-a', bo);
    expect(Object.keys(stored)).toEqual(['name', 'sealed']);
    expect(stored.name).toBe('Bo de Vries');
    const text = JSON.stringify(stored);
    for (const secret of ['bo@example.nl', '12345678', 'Dijkstraat', '4101'])
      expect(text).not.toContain(secret);
    expect(stored.sealed).toMatch(/^v1\.k1\./);
    expect(openFields(cipher, OBJECTOR_COLUMN, 'tenant-a', stored)).toEqual(bo);
  });

  it('keeps the organisation of a representative readable too, and seals a field it does not know', () => {
    const stored = sealFields(cipher, REPRESENTATIVE_COLUMN, 't', {
      name: 'Mr. A. Jansen',
      organisation: 'Het Juridisch Loket',
      email: 'jansen@example.nl',
      fax: '010-1234567',
    });
    expect(stored).toEqual({
      name: 'Mr. A. Jansen',
      organisation: 'Het Juridisch Loket',
      sealed: expect.any(String),
    });
    expect(openFields(cipher, REPRESENTATIVE_COLUMN, 't', stored)).toMatchObject({ fax: '010-1234567' });
  });

  it('seals a whole address, and adds no ciphertext when there is nothing to seal', () => {
    expect(Object.keys(sealFields(cipher, CITIZEN_ADDRESS_COLUMN, 't', bo.address))).toEqual(['sealed']);
    expect(sealFields(cipher, OBJECTOR_COLUMN, 't', { name: 'Bo', email: undefined })).toEqual({
      name: 'Bo',
    });
  });

  it('reads rows from before encryption and anonymised rows as they are', () => {
    expect(openFields(cipher, OBJECTOR_COLUMN, 't', bo)).toBe(bo);
    const anonymised = { name: '[geanonimiseerd]' };
    expect(openFields(cipher, OBJECTOR_COLUMN, 't', anonymised)).toEqual(anonymised);
    expect(needsResealing(cipher, OBJECTOR_COLUMN, anonymised)).toBe(false);
    expect(needsResealing(cipher, OBJECTOR_COLUMN, bo)).toBe(true);
    expect(needsResealing(cipher, OBJECTOR_COLUMN, null)).toBe(false);
  });

  it('refuses a ciphertext of another tenant or column with a clear problem', () => {
    const stored = sealFields(cipher, OBJECTOR_COLUMN, 'tenant-a', bo);
    const attempt = () => openFields(cipher, OBJECTOR_COLUMN, 'tenant-b', stored);
    expect(attempt).toThrow(ProblemError);
    expect(attempt).toThrow(/niet te ontsleutelen/);
    expect(() => openFields(cipher, REPRESENTATIVE_COLUMN, 'tenant-a', stored)).toThrow(ProblemError);
    expect(() => openFields(cipher, OBJECTOR_COLUMN, 'tenant-a', { name: 'x', sealed: 'garbage' })).toThrow(
      ProblemError,
    );
  });

  it('moves a value under an old key to the current one, and reads both meanwhile', () => {
    const old = sealFields(cipher, OBJECTOR_COLUMN, 't', bo);
    expect(needsResealing(rotated, OBJECTOR_COLUMN, old)).toBe(true);
    expect(openFields(rotated, OBJECTOR_COLUMN, 't', old)).toEqual(bo);
    // Sealing a sealed value opens it first: nothing is lost, and it ends up under the current key.
    const moved = sealFields(rotated, OBJECTOR_COLUMN, 't', old);
    expect(moved.sealed).toMatch(/^v1\.k_2\./);
    expect(needsResealing(rotated, OBJECTOR_COLUMN, moved)).toBe(false);
    expect(openFields(new FieldCipher([k2], indexKey), OBJECTOR_COLUMN, 't', moved)).toEqual(bo);
    expect(isSealed(moved)).toBe(true);
  });

  it('says in SQL what needsResealing says in code', () => {
    expect(staleSql('o.objector', OBJECTOR_COLUMN, '$2')).toContain(`'{name,sealed}'::text[]`);
    expect(staleSql('address', CITIZEN_ADDRESS_COLUMN, '$2')).toContain(`'{sealed}'::text[]`);
    expect(staleSql('x', OBJECTOR_COLUMN, '$2')).toContain(`split_part(x ->> 'sealed', '.', 2) <> $2`);
  });
});
