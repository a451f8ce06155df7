// The rounding step of the time functions' values: the split area's words for it.
import { UNIT_WORDS } from "../../split/internal.js";

/** `"万"` and `"亿"` alone mean a step of one 万 and one 亿, as `"1万"` and `"1亿"` do. */
export function unitStep(unit: unknown): unknown {
  return (UNIT_WORDS as readonly unknown[]).includes(unit) ? `1${unit as string}` : unit;
}
