import { join } from 'node:path';
import { loadTenantConfigs } from '../tenancy/tenant-config.loader';
import { definitionsEqual, regulationConfig, regulationContent } from './regulation-definition';

const [tenant] = loadTenantConfigs(join(__dirname, '..', '..', 'tenants'));
const demo = tenant.regulations[0];
/** As jsonb gives it back: keys sorted by length, then bytes. */
const jsonbOrder = (value: unknown): unknown =>
  Array.isArray(value)
    ? value.map(jsonbOrder)
    : value && typeof value === 'object'
      ? Object.fromEntries(
          Object.entries(value)
            .sort(([a], [b]) => a.length - b.length || (a < b ? -1 : 1))
            .map(([k, v]) => [k, jsonbOrder(v)]),
        )
      : value;

describe('regulation content', () => {
  it('splits a regulation into name and definition, and puts it back in the file’s key order', () => {
    const content = regulationContent(demo);
    expect(content.name).toBe(demo.name);
    expect(content.definition).not.toHaveProperty('code');
    const stored = jsonbOrder(content) as typeof content;
    expect(Object.keys(stored.definition.diagnosis.questions[0])).not.toEqual(
      Object.keys(demo.diagnosis.questions[0]),
    );
    const config = regulationConfig(demo.code, stored);
    expect(config).toEqual(demo);
    expect(Object.keys(config)).toEqual(Object.keys(demo));
    expect(Object.keys(config.diagnosis.questions[0])).toEqual(Object.keys(demo.diagnosis.questions[0]));
  });

  it('returns a definition the schema no longer accepts as stored, so that it can be shown and fixed', () => {
    const broken = { ...regulationContent(demo).definition, termModel: 'weekly' as never };
    expect(regulationConfig('x', { name: 'Oud', definition: broken })).toMatchObject({
      code: 'x',
      termModel: 'weekly',
    });
  });

  it('compares contents regardless of key order or keys set to undefined', () => {
    const content = regulationContent(demo);
    expect(definitionsEqual(content, jsonbOrder(content) as typeof content)).toBe(true);
    const withUndefined = { ...content, definition: { ...content.definition, extra: undefined } };
    expect(definitionsEqual(content, withUndefined)).toBe(true);
    expect(definitionsEqual(content, { ...content, name: `${content.name} ` })).toBe(false);
    const changed = structuredClone(content);
    changed.definition.diagnosis.questions[0].text += '?';
    expect(definitionsEqual(content, changed)).toBe(false);
  });
});
