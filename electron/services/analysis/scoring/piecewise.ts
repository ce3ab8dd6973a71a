// Piecewise-linear mappings from a feature's value to a degree in [0, 1]: the breakpoints a relationship manager
// can read ("30 days past due → 0.5") and a branch head can edit.

/** Breakpoints [x, degree] with x strictly increasing. */
export type Breakpoints = readonly (readonly [number, number])[];

/** Any typed array of numbers: a feature column or a column derived from features. */
export type NumericColumn =
  Float64Array | Float32Array | Uint32Array | Uint16Array | Uint8Array | Int32Array | Int16Array | Int8Array;

/** Breakpoints written as pairs: `bp([0, 0], [12, 1])` reads as "0 → 0, 12 → 1". */
export function bp(...points: [number, number][]): [number, number][] {
  return points;
}

/**
 * Breakpoints held in typed arrays, with each segment's slope. Tuples like [0, 0] and [0.5, 0.7] have different
 * element kinds in V8, and reading them in a hot loop cost ~30 ns a value; typed arrays keep every read alike.
 */
interface CompiledBreakpoints {
  xs: Float64Array;
  ys: Float64Array;
  /** slopes[k]: of the segment from point k − 1 to point k. */
  slopes: Float64Array;
  ifMissing: number;
}

function compile(points: Breakpoints, ifMissing: number): CompiledBreakpoints {
  const xs = Float64Array.from(points, (p) => p[0]);
  const ys = Float64Array.from(points, (p) => p[1]);
  const slopes = new Float64Array(points.length);
  for (let k = 1; k < points.length; k++) slopes[k] = (ys[k]! - ys[k - 1]!) / (xs[k]! - xs[k - 1]!);
  return { xs, ys, slopes, ifMissing };
}

function degreeAt(c: CompiledBreakpoints, x: number): number {
  if (x !== x) return c.ifMissing; // NaN: the value is not known
  const { xs, ys } = c;
  if (x <= xs[0]!) return ys[0]!;
  const last = xs.length - 1;
  let k = 1;
  while (k <= last && x >= xs[k]!) k++;
  if (k > last) return ys[last]!;
  return ys[k - 1]! + c.slopes[k]! * (x - xs[k - 1]!);
}

/**
 * The degree of x: the first degree left of the first breakpoint, the last right of the last, linear in between.
 * NaN (a value that is not known, such as "never transacted") takes `ifMissing`.
 */
export function degreeOf(points: Breakpoints, ifMissing: number, x: number): number {
  return degreeAt(compile(points, ifMissing), x);
}

/** The column as Float64Array: loops then read one array type, which keeps V8's element access monomorphic. */
export function asFloat64(column: NumericColumn): Float64Array {
  return column instanceof Float64Array ? column : new Float64Array(column);
}

/** The degree of every value of a column, into `out`: the same arithmetic as degreeOf, value for value. */
export function degreesInto(points: Breakpoints, ifMissing: number, column: NumericColumn, out: Float64Array): void {
  const values = asFloat64(column);
  const compiled = compile(points, ifMissing);
  if (points.length !== 2) {
    for (let i = 0; i < out.length; i++) out[i] = degreeAt(compiled, values[i]!);
    return;
  }
  // A single ramp, the most common rule: the same steps as degreeAt with the points in locals.
  const x0 = compiled.xs[0]!;
  const x1 = compiled.xs[1]!;
  const y0 = compiled.ys[0]!;
  const y1 = compiled.ys[1]!;
  const slope = compiled.slopes[1]!;
  for (let i = 0; i < out.length; i++) {
    const x = values[i]!;
    out[i] = x !== x ? ifMissing : x <= x0 ? y0 : x < x1 ? y0 + slope * (x - x0) : y1;
  }
}
