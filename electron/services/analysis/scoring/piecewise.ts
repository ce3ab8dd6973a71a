// Piecewise-linear mappings from a feature's value to a degree in [0, 1]: the breakpoints a relationship manager
// can read ("30 days past due → 0.5") and a branch head can edit.

/** Breakpoints [x, degree] with x strictly increasing. */
export type Breakpoints = readonly (readonly [number, number])[];

/**
 * The degree of x: the first degree left of the first breakpoint, the last right of the last, linear in between.
 * NaN (a value that is not known, such as "never transacted") takes `ifMissing`.
 */
export function degreeOf(points: Breakpoints, ifMissing: number, x: number): number {
  if (Number.isNaN(x)) return ifMissing;
  const first = points[0]!;
  if (x <= first[0]) return first[1];
  for (let k = 1; k < points.length; k++) {
    const right = points[k]!;
    if (x < right[0]) {
      const left = points[k - 1]!;
      return left[1] + ((right[1] - left[1]) * (x - left[0])) / (right[0] - left[0]);
    }
  }
  return points[points.length - 1]![1];
}

/** Any typed array of numbers: a feature column or a column derived from features. */
export type NumericColumn =
  Float64Array | Float32Array | Uint32Array | Uint16Array | Uint8Array | Int32Array | Int16Array | Int8Array;

/** Breakpoints written as pairs: `bp([0, 0], [12, 1])` reads as "0 → 0, 12 → 1". */
export function bp(...points: [number, number][]): [number, number][] {
  return points;
}
