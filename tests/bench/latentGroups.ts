// The demo generator's latent group of each customer of a demo branch: the profile it drew the customer from.
// A customer's profile is the first draw of its own random stream, so it depends only on the seed and the
// customer's number, exactly as demo.load made it.
import { DemoGenerator } from '../../electron/services/demo/generate.js';
import { demoBranchId } from '../../electron/services/demo/load.js';
import { profiles, type ProfileKey } from '../../electron/services/demo/profiles.js';

export const latentGroupKeys: readonly ProfileKey[] = profiles.map((p) => p.key);

/** Index into latentGroupKeys of each customer, in the order of `customerIds`. */
export function latentGroupsOf(customerIds: readonly string[], seed: number): Int32Array {
  const generator = new DemoGenerator({
    seed,
    branchId: demoBranchId,
    managerIds: ['R001'],
    asOf: '2026-01-01',
    activityMonths: 0,
  });
  const groups = new Int32Array(customerIds.length);
  customerIds.forEach((id, i) => {
    const index = Number(id.slice(-8)) - 1;
    if (generator.customerId(index) !== id) throw new Error(`${id} is not a customer number of the demo branch`);
    groups[i] = latentGroupKeys.indexOf(generator.customer(index).profile);
  });
  return groups;
}
