// Planted rows of a --dirty export in the blacklist and the complaints: one fault each that the importer
// must reject, and valid rows of the two extra customers written with the Chinese spellings and date
// forms a complaint register uses, which it must accept.
import { demoBranch } from './branchStaff.js';
import { extraCustomerIds } from './dirtyExtras.js';
import { shiftMonth, type PlantedRow, type RejectionCode } from './dirtyTypes.js';

const [t1, t2] = extraCustomerIds;

function rejected(
  file: PlantedRow['file'],
  column: string,
  code: RejectionCode,
  note: string,
  build: PlantedRow['build'],
): PlantedRow {
  return { file, build, reject: { column, code }, note };
}

function accepted(file: PlantedRow['file'], note: string, build: PlantedRow['build']): PlantedRow {
  return { file, at: 0, build, reject: null, note };
}

/** A day of the month `by` months from the as-of date's, `YYYY-MM-DD`. */
function day(asOf: string, by: number, dayOfMonth: number): string {
  return `${shiftMonth(asOf, by)}-${String(dayOfMonth).padStart(2, '0')}`;
}

export function vetoRows(): PlantedRow[] {
  return [
    rejected('blacklist.csv', 'customer_id', 'unknown_reference', 'listing of an unknown customer', (ctx) => [
      `0${demoBranch.branch_id}98000002`,
      day(ctx.asOf, -5, 10),
      '逃废银行债务',
      '本行信贷管理部',
      '',
    ]),
    rejected('blacklist.csv', 'lifted_on', 'date_range', 'lifted before it was listed', (ctx) => [
      t1,
      day(ctx.asOf, -8, 10),
      '冒用他人身份开户',
      '公安机关协查通报',
      day(ctx.asOf, -10, 10),
    ]),
    rejected('complaints.csv', 'resolved_on', 'date_range', 'resolved before it was received', (ctx) => [
      `TS${t1}91`,
      t1,
      day(ctx.asOf, -2, 20),
      'phone',
      'fees',
      '短信服务费扣收有异议',
      day(ctx.asOf, -2, 5),
    ]),
    rejected('complaints.csv', 'category', 'bad_enum', 'category outside the list', (ctx) => [
      `TS${t1}92`,
      t1,
      day(ctx.asOf, -3, 11),
      'branch',
      '利率',
      '存款利率低于他行',
      '',
    ]),
    rejected('complaints.csv', 'received_on', 'date_range', 'received in the future', () => [
      `TS${t1}93`,
      t1,
      '2091-01-01',
      'mobile',
      'service',
      '手机银行无法登录',
      '',
    ]),

    accepted('blacklist.csv', 'date with slashes, no source', (ctx) => [
      t2,
      day(ctx.asOf, -14, 8).replaceAll('-', '/'),
      '提供虚假资料骗取开户',
      '',
      '',
    ]),
    accepted('complaints.csv', 'Chinese channel and category, date as YYYYMMDD, still open', (ctx) => [
      `TS${t1}01`,
      t1,
      day(ctx.asOf, -1, 8).replaceAll('-', ''),
      '手机银行',
      '收费',
      '短信提醒服务费未经同意扣收',
      '',
    ]),
    accepted('complaints.csv', 'Chinese channel and category, resolved', (ctx) => [
      `TS${t1}02`,
      t1,
      day(ctx.asOf, -6, 3),
      '柜面',
      '服务',
      '柜面排队时间过长',
      day(ctx.asOf, -6, 5),
    ]),
  ];
}
