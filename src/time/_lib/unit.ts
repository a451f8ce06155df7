// The rounding step of the time functions' values.

/** `"万"` and `"亿"` alone mean a step of one 万 and one 亿, as `"1万"` and `"1亿"` do. */
export function unitStep(unit: unknown): unknown {
  return unit === "万" || unit === "亿" ? `1${unit}` : unit;
}
