/** A submitted form as field name → values, in the order the browser sent them. */
export type FormFields = Map<string, string[]>;

/** From a parsed urlencoded body (`{ name: value | value[] }`). */
export function formFieldsOf(body: unknown): FormFields {
  const fields: FormFields = new Map();
  if (!body || typeof body !== 'object' || Array.isArray(body)) return fields;
  for (const [name, value] of Object.entries(body as Record<string, unknown>)) {
    const values = (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === 'string');
    if (values.length) fields.set(name, values);
  }
  return fields;
}

export function addField(fields: FormFields, name: string, value: string): void {
  const values = fields.get(name);
  if (values) values.push(value);
  else fields.set(name, [value]);
}

/** The first value of a field, '' when absent. */
export function field(fields: FormFields, name: string): string {
  return fields.get(name)?.[0] ?? '';
}
