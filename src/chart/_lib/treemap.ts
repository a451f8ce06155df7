// The squarified treemap layout (Bruls, Huizing and van Wijk, 2000): a rectangle cut into one
// rectangle per weight, each with an area in proportion to its weight, as close to square as the
// greedy row rule makes them. Pure and deterministic: larger weights first (ties in input order),
// and each row and each column ends exactly on its container's edge, so the pieces tile it.

/** A rectangle: left, top, right, bottom (x0 ≤ x1, y0 ≤ y1). */
export interface Rect {
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
}

/**
 * Cuts `rect` into one rectangle per weight (each ≥ 0), returned in the weights' order. A zero
 * weight gets an empty rectangle at the container's top-left corner.
 */
export function squarify(weights: readonly number[], rect: Rect): Rect[] {
  const n = weights.length;
  const out: Rect[] = new Array(n);
  const order = weights.map((_, index) => index);
  order.sort((a, b) => weights[b]! - weights[a]! || a - b);
  let remaining = 0;
  for (const weight of weights) remaining += weight;
  let { x0, y0 } = rect;
  const { x1, y1 } = rect;
  let i = 0;
  while (i < n && weights[order[i]!]! > 0) {
    const width = x1 - x0;
    const height = y1 - y0;
    const side = Math.min(width, height);
    const area = width * height;
    // Grow the row while its worst aspect ratio does not get worse.
    let rowSum = 0;
    let worst = Number.POSITIVE_INFINITY;
    let j = i;
    while (j < n && weights[order[j]!]! > 0) {
      const sum = rowSum + weights[order[j]!]!;
      const rowArea = (sum / remaining) * area;
      const largest = (weights[order[i]!]! / remaining) * area;
      const smallest = (weights[order[j]!]! / remaining) * area;
      const ratio =
        rowArea === 0 || side === 0
          ? 1
          : Math.max(
              (side * side * largest) / (rowArea * rowArea),
              (rowArea * rowArea) / (side * side * smallest),
            );
      if (j > i && ratio > worst) break;
      worst = ratio;
      rowSum = sum;
      j++;
    }
    const last = j >= n || weights[order[j]!]! === 0;
    // The row runs along the shorter side; the last row takes what is left, exactly.
    if (width >= height) {
      const right = last ? x1 : x0 + (rowSum / remaining) * width;
      let top = y0;
      for (let k = i; k < j; k++) {
        const bottom = k === j - 1 ? y1 : top + (weights[order[k]!]! / rowSum) * height;
        out[order[k]!] = { x0, y0: top, x1: right, y1: bottom };
        top = bottom;
      }
      x0 = right;
    } else {
      const bottom = last ? y1 : y0 + (rowSum / remaining) * height;
      let left = x0;
      for (let k = i; k < j; k++) {
        const right = k === j - 1 ? x1 : left + (weights[order[k]!]! / rowSum) * width;
        out[order[k]!] = { x0: left, y0, x1: right, y1: bottom };
        left = right;
      }
      y0 = bottom;
    }
    remaining -= rowSum;
    i = j;
  }
  for (; i < n; i++) out[order[i]!] = { x0: rect.x0, y0: rect.y0, x1: rect.x0, y1: rect.y0 };
  return out;
}
