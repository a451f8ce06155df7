// zod reads inherited properties: `for…in` over its own member tables (an enumerable key on
// Object.prototype makes building any schema throw), `def.when` on its own check objects, optional
// fields of its own parameter objects. A null-prototype copy of the input cannot help, because
// these are zod's objects, not the caller's. So every zod call of this subpath (building the
// schemas at import, parsing, JSON Schema) runs with Object.prototype and Array.prototype as the
// language defines them: keys planted on them are set aside for the call and put back, exactly as
// they were, before it returns or throws. The result is the one an unpolluted run gives.
import { TargetreeError } from "../../_lib/errors.js";

/** The own keys of Object.prototype in the language itself (ES2022 and Annex B). */
const OBJECT_KEYS: ReadonlySet<PropertyKey> = /* @__PURE__ */ new Set<PropertyKey>([
  "constructor",
  "__defineGetter__",
  "__defineSetter__",
  "hasOwnProperty",
  "__lookupGetter__",
  "__lookupSetter__",
  "isPrototypeOf",
  "propertyIsEnumerable",
  "toString",
  "valueOf",
  "__proto__",
  "toLocaleString",
]);

interface SetAside {
  readonly target: object;
  readonly key: PropertyKey;
  readonly descriptor: PropertyDescriptor;
}

/** Keys planted on the prototypes zod walks: any non-standard key of Object.prototype, and enumerable keys of Array.prototype (its methods are never enumerable). */
function planted(): { target: object; key: PropertyKey }[] {
  const found: { target: object; key: PropertyKey }[] = [];
  for (const key of Reflect.ownKeys(Object.prototype)) {
    if (!OBJECT_KEYS.has(key)) found.push({ target: Object.prototype, key });
  }
  for (const key of Reflect.ownKeys(Array.prototype)) {
    if (Object.getOwnPropertyDescriptor(Array.prototype, key)?.enumerable === true) {
      found.push({ target: Array.prototype, key });
    }
  }
  return found;
}

function restore(aside: readonly SetAside[]): void {
  for (const { target, key, descriptor } of aside) {
    Object.defineProperty(target, key, descriptor);
  }
}

/**
 * Runs `build` (a zod call) with every key planted on Object.prototype or Array.prototype set
 * aside, and puts them back afterwards. A planted
 * key that cannot be removed (non-configurable, or a frozen prototype) is `INVALID_ARGUMENT`
 * rather than a result that depends on it.
 */
/* @__NO_SIDE_EFFECTS__ */
export function shielded<T>(build: () => T): T {
  const keys = planted();
  // Nested calls find nothing planted: the outermost call has set it aside.
  if (keys.length === 0) return build();
  const aside: SetAside[] = [];
  for (const { target, key } of keys) {
    const descriptor = Object.getOwnPropertyDescriptor(target, key);
    if (descriptor === undefined) continue;
    if (!Reflect.deleteProperty(target, key)) {
      restore(aside);
      throw new TargetreeError(
        "INVALID_ARGUMENT",
        `${target === Object.prototype ? "Object" : "Array"}.prototype carries a property ${JSON.stringify(String(key))} that cannot be removed, so targetree/schema cannot check a document safely. Remove the property, or set it configurable, before validating.`,
        { path: [], details: { key: String(key) } },
      );
    }
    aside.push({ target, key, descriptor });
  }
  try {
    return build();
  } finally {
    restore(aside);
  }
}
