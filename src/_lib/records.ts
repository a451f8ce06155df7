// Own-property reads: a name planted on Object.prototype, or a `__proto__` key, never answers.

/** True for a non-null object that is not an array (a record of named fields). */
export function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The value of an own property, `undefined` when the record has no own property of that name. */
export function own(record: object, key: string): unknown {
  return Object.hasOwn(record, key) ? (record as Record<string, unknown>)[key] : undefined;
}
