// Kendall's tau-b between an ordinal variable (levels 0..L-1) and a yes/no one, from the counts of the L × 2
// table alone: pairs are counted by level, never enumerated, so a million customers cost L² steps.

/**
 * `yes[l]` customers at level l answer yes, `total[l]` customers are at level l in all. Tau-b is
 * (concordant − discordant) / sqrt((pairs − ties in levels) × (pairs − ties in answers)); null when either
 * variable does not vary (the denominator is 0).
 */
export function kendallTauB(yes: readonly number[], total: readonly number[]): number | null {
  if (yes.length !== total.length)
    throw new RangeError(`kendallTauB: ${yes.length} yes counts for ${total.length} levels`);
  let n = 0;
  let yesAll = 0;
  let levelTies = 0;
  let concordant = 0;
  let discordant = 0;
  // Running sums over the lower levels: customers there answering no and yes.
  let noBelow = 0;
  let yesBelow = 0;
  for (let l = 0; l < total.length; l++) {
    const y = yes[l]!;
    const all = total[l]!;
    if (y < 0 || y > all) throw new RangeError(`kendallTauB: level ${l} has ${y} yes of ${all}`);
    const no = all - y;
    // A pair (lower level, this level) is concordant when the lower one says no and this one yes.
    concordant += noBelow * y;
    discordant += yesBelow * no;
    noBelow += no;
    yesBelow += y;
    n += all;
    yesAll += y;
    levelTies += (all * (all - 1)) / 2;
  }
  const pairs = (n * (n - 1)) / 2;
  const answerTies = (yesAll * (yesAll - 1)) / 2 + ((n - yesAll) * (n - yesAll - 1)) / 2;
  const denominator = Math.sqrt((pairs - levelTies) * (pairs - answerTies));
  return denominator > 0 ? (concordant - discordant) / denominator : null;
}
