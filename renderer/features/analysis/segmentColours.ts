// Colours of the segments tab: a segment keeps its colour as long as it keeps its lineage, run after run, and a
// movement cell is the darker the more customers it counts.

const palette = ['#2b6cb0', '#2f855a', '#b7791f', '#6b46c1', '#c53030', '#0f7b74', '#d53f8c', '#4a5568', '#975a16'];

export function lineageColour(lineage: number): string {
  return palette[(((lineage - 1) % palette.length) + palette.length) % palette.length]!;
}

/** Background of a movement cell: its count as a share of the largest cell's. */
export function movementShade(count: number, largest: number): string {
  const strength = largest > 0 ? count / largest : 0;
  return `rgba(43, 108, 176, ${(0.08 + 0.72 * strength).toFixed(3)})`;
}
