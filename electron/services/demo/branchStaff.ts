// The demo branch and its staff as rows of branches.csv and staff.csv: the same branch, staff numbers
// and names that the direct demo load writes for a seed and size, plus staff mobile numbers.
import type { BranchRow, StaffRow } from './csvColumns.js';
import { demoBranchId } from './load.js';
import { chineseName } from './names.js';
import { demoCounty } from './places.js';
import { Random } from './random.js';

export const demoBranch: BranchRow = {
  branch_id: demoBranchId,
  name: `${demoCounty}农商银行城关支行（演示）`,
  region: demoCounty,
};

/** One relationship manager per 250 customers, within 3 to 200, as the direct load staffs the branch. */
export function relationshipManagerCount(customers: number): number {
  return Math.max(3, Math.min(200, Math.round(customers / 250)));
}

export function demoStaff(seed: number, customers: number): StaffRow[] {
  // Names are drawn in the same order as load.ts draws them, so both paths name the same people.
  const random = new Random(seed);
  const members: Omit<StaffRow, 'phone'>[] = [
    { staff_id: 'H001', branch_id: demoBranchId, name: chineseName(random, 'M'), role: 'head' },
    { staff_id: 'O001', branch_id: demoBranchId, name: chineseName(random, 'F'), role: 'operator' },
  ];
  for (let i = 0; i < relationshipManagerCount(customers); i++) {
    members.push({
      staff_id: `R${String(i + 1).padStart(3, '0')}`,
      branch_id: demoBranchId,
      name: chineseName(random, random.chance(0.5) ? 'M' : 'F'),
      role: 'rm',
    });
  }
  // Phones come from a stream of their own so that adding them left the names untouched.
  const phones = new Random((seed ^ 0x5eed_0001) >>> 0);
  return members.map((member) => ({
    ...member,
    phone: `1${phones.pick(['3', '5', '8', '9'])}${String(phones.int(0, 999_999_999)).padStart(9, '0')}`,
  }));
}
