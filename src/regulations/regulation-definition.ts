import { isDeepStrictEqual } from 'node:util';
import { type RegulationConfig, regulationSchema } from '../tenancy/tenant-config.schema';
import type { RegulationDefinition } from './regulation.entity';

/** What a version of a regulation holds: its name and its definition (the code never changes). */
export interface RegulationContent {
  name: string;
  definition: RegulationDefinition;
}

/**
 * A stored regulation in the tenant.yaml shape, its keys in the file's order (jsonb keeps its own order, which
 * reads badly in YAML: a question's `next` before its `text`). A definition the schema no longer accepts is
 * returned as stored, so that it can still be shown and fixed.
 */
export function regulationConfig(code: string, content: RegulationContent): RegulationConfig {
  const stored = { code, name: content.name, ...content.definition };
  const parsed = regulationSchema.safeParse(stored);
  return parsed.success ? parsed.data : (stored as RegulationConfig);
}

/** The content to store for a regulation in the tenant.yaml shape. */
export function regulationContent(config: RegulationConfig): RegulationContent {
  const { code: _code, name, ...definition } = config;
  return { name, definition };
}

/** Whether two contents are the same; key order, and a key left out or set to undefined, do not count. */
export function definitionsEqual(a: RegulationContent, b: RegulationContent): boolean {
  const plain = (value: RegulationContent): unknown => JSON.parse(JSON.stringify(value));
  return isDeepStrictEqual(plain(a), plain(b));
}
