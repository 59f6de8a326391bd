import { exportFileName, exportQuery } from './tenant-export';

describe('exportQuery', () => {
  it('reads a plain table as JSON rows', () => {
    expect(
      exportQuery({
        table: 'objections',
        columns: [
          { name: 'tenant_id', type: 'uuid' },
          { name: 'received_at', type: 'timestamp with time zone' },
        ],
      }),
    ).toBe('SELECT to_jsonb(t) AS row FROM "objections" t');
  });

  it('writes binary columns as base64 without line breaks', () => {
    expect(
      exportQuery({
        table: 'documents',
        columns: [
          { name: 'id', type: 'uuid' },
          { name: 'content', type: 'bytea' },
        ],
      }),
    ).toBe(
      `SELECT (to_jsonb(t)) || jsonb_build_object('content', translate(encode(t."content", 'base64'), E'\\n', '')) AS row FROM "documents" t`,
    );
  });

  it('leaves out password and invitation hashes', () => {
    expect(
      exportQuery({
        table: 'staff_users',
        columns: [
          { name: 'email', type: 'text' },
          { name: 'password_hash', type: 'text' },
          { name: 'invitation_hash', type: 'text' },
        ],
      }),
    ).toBe(`SELECT to_jsonb(t) - 'password_hash' - 'invitation_hash' AS row FROM "staff_users" t`);
  });

  it('quotes names', () => {
    expect(exportQuery({ table: 'we"ird', columns: [] })).toBe('SELECT to_jsonb(t) AS row FROM "we""ird" t');
  });
});

describe('exportFileName', () => {
  it('names the municipality and the day', () => {
    expect(exportFileName('zeestad', new Date('2026-11-29T23:30:00Z'))).toBe(
      'zeestad-export-2026-11-29.json.gz',
    );
  });
});
