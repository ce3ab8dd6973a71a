// Rows a --dirty export adds that look odd but are valid and must be imported: two extra customers
// written with every accepted spelling (是/否, 城镇, +86 mobiles, 12,345.67, YYYYMMDD, a lower-case x),
// addresses with commas, quotes and a line break, and amounts that floating point gets wrong.
import { residentIdCheckDigit } from '../validation/residentId.js';
import type { CsvFileName } from './csvColumns.js';
import { demoBranchId } from './load.js';
import { demoAreaCode } from './places.js';
import { shiftMonth, type PlantedRow } from './dirtyTypes.js';

export const extraCustomerIds = [`0${demoBranchId}90000001`, `0${demoBranchId}90000002`] as const;

/** A valid resident ID for a birth date and gender whose check character is X. */
function idEndingInX(birthDate: string, gender: 'M' | 'F'): string {
  for (let seq = 0; seq < 1000; seq++) {
    if (seq % 2 !== (gender === 'M' ? 1 : 0)) continue;
    const first17 = demoAreaCode + birthDate.replaceAll('-', '') + String(seq).padStart(3, '0');
    if (residentIdCheckDigit(first17) === 'X') return first17 + 'X';
  }
  throw new Error(`no ID with check character X for ${birthDate}`);
}

function validId(birthDate: string, seq: string): string {
  const first17 = demoAreaCode + birthDate.replaceAll('-', '') + seq;
  return first17 + residentIdCheckDigit(first17);
}

/** An amount the importer must read to exactly this many fen (floating point reads most of them wrong). */
export interface AmountTrap {
  file: CsvFileName;
  column: string;
  value: string;
  fen: number;
}

export const amountTraps: readonly AmountTrap[] = [
  { file: 'holdings.csv', column: 'balance', value: '0.30', fen: 30 },
  { file: 'holdings.csv', column: 'balance', value: '0.29', fen: 29 },
  { file: 'holdings.csv', column: 'balance', value: '12,345.67', fen: 1_234_567 },
  { file: 'holdings.csv', column: 'balance', value: '1.15', fen: 115 },
  { file: 'activity.csv', column: 'amount', value: '0.57', fen: 57 },
  { file: 'loans.csv', column: 'principal', value: '120,000.00', fen: 12_000_000 },
  { file: 'loans.csv', column: 'balance', value: '100,000.02', fen: 10_000_002 },
];

function accepted(file: CsvFileName, at: number, note: string, build: PlantedRow['build']): PlantedRow {
  return { file, at, build, reject: null, note };
}

export function extraRows(): PlantedRow[] {
  const [t1, t2] = extraCustomerIds;
  const t1Loan = `L${t1}01`;
  const rows: PlantedRow[] = [
    accepted('customers.csv', 0, 'accepted spellings; address with a comma and a line break', () => [
      t1,
      demoBranchId,
      '欧阳娜娜',
      '女',
      '1986/04/09',
      idEndingInX('1986-04-09', 'F').toLowerCase(),
      '+86 139-0571-2266',
      'business',
      '城镇',
      '城关镇',
      '人民路社区',
      '城关镇人民路社区88号\n锦绣花园3栋, 2单元501室',
      '20150312',
      'R001',
      '是',
      'Y',
      'yes',
      'true',
      '0',
      '否',
    ]),
    accepted('holdings.csv', 0, 'balance 0.30', () => [`${t1}01`, t1, 'D01', '2015-03-12', '', 'active', '0.30']),
    accepted('holdings.csv', 0, 'balance 0.29', () => [`${t1}02`, t1, 'D02', '2019-07-01', '', 'active', '0.29']),
    accepted('holdings.csv', 0, 'balance with thousands separators', () => [
      `${t1}03`,
      t1,
      'W01',
      '2021-01-20',
      '',
      'active',
      '12,345.67',
    ]),
    accepted('holdings.csv', 0, 'closed account', () => [
      `${t1}04`,
      t1,
      'D03',
      '2018-05-05',
      '2023-05-05',
      'closed',
      '0.00',
    ]),
    accepted('holdings.csv', 0, 'date with slashes, status and balance left to their defaults', () => [
      `${t1}05`,
      t1,
      'E01',
      '2020/08/08',
      '',
      '',
      '',
    ]),
    accepted('activity.csv', 0, 'amount 0.57', (ctx) => [
      t1,
      shiftMonth(ctx.asOf, -1),
      'mobile',
      '4',
      '3',
      '0',
      '0.57',
      '0.30',
      '0.00',
    ]),
    accepted('activity.csv', 0, 'month as YYYY/MM, counts left empty', (ctx) => [
      t1,
      shiftMonth(ctx.asOf, -2).replace('-', '/'),
      'internet',
      '',
      '',
      '',
      '',
      '',
      '',
    ]),
    accepted('activity.csv', 0, 'month as YYYYMM', (ctx) => [
      t1,
      shiftMonth(ctx.asOf, -3).replace('-', ''),
      'branch',
      '1',
      '0',
      '0',
      '5,000.00',
      '12,345.67',
      '2.00',
    ]),
    accepted('loans.csv', 0, 'amounts with thousands separators, default classification', (ctx) => [
      t1Loan,
      t1,
      'L02',
      '120,000.00',
      '100,000.02',
      '5.20',
      `${shiftMonth(ctx.asOf, -7)}-15`,
      `${shiftMonth(ctx.asOf, 29)}-15`,
      'active',
      '',
    ]),
  ];
  for (let k = 1; k <= 6; k++) {
    const note = k === 1 ? 'due amount with a separator' : k >= 5 ? 'paid date in another accepted form' : 'paid';
    rows.push(
      accepted('repayments.csv', 0, note, (ctx) => {
        const due = `${shiftMonth(ctx.asOf, -7 + k)}-15`;
        const paid = k === 6 ? due.replaceAll('-', '') : k === 5 ? due.replaceAll('-', '/') : due;
        return [t1Loan, due, k === 1 ? '3,333.33' : '3333.33', paid, '3333.33', '0'];
      }),
    );
  }
  rows.push(
    accepted('customers.csv', 0.5, 'address with quotes and a comma; 农村', () => [
      t2,
      demoBranchId,
      '司马秀英',
      'F',
      '1958-11-30',
      validId('1958-11-30', '042'),
      '',
      'farmer',
      '农村',
      '桃源乡',
      '上坪村',
      '桃源乡上坪村"老槐树"下, 第2户',
      '2003-06-18',
      'R002',
      '1',
      '1',
      '0',
      '0',
      '0',
      '0',
    ]),
    accepted('holdings.csv', 0.5, 'balance 1.15', () => [`${t2}01`, t2, 'D01', '2003-06-18', '', 'active', '1.15']),
    accepted('activity.csv', 0.5, 'agent channel', (ctx) => [
      t2,
      shiftMonth(ctx.asOf, -1),
      'agent',
      '3',
      '1',
      '0',
      '1,200.00',
      '1.15',
      '0.00',
    ]),
  );
  return rows;
}

/** Repayments planted for the first extra customer's loan reference it with these future due dates. */
export function extraLoanId(): string {
  return `L${extraCustomerIds[0]}01`;
}
