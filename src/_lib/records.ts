// Own-property reads: a name planted on Object.prototype, or a `__proto__` key, never answers.

/**
 * True for a record of named fields: a non-null object that is not an array, a Map or a Set.
 * Records are plain objects everywhere in targetree; a Map is refused rather than read as empty.
 */
export function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return (
    typeof value === "object" &&
    value !== null &&
    !Array.isArray(value) &&
    !(value instanceof Map) &&
    !(value instanceof Set)
  );
}

/** The value of an own property, `undefined` when the record has no own property of that name. */
export function own(record: object, key: string): unknown {
  return Object.hasOwn(record, key) ? (record as Record<string, unknown>)[key] : undefined;
}
