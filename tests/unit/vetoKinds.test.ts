// The blacklist and complaints import kinds: each field's rules, the date order within a row, the
// Chinese spellings of channel and category, and the Chinese headers a core-banking export uses.
import { describe, expect, test } from 'vitest';
import { kindSpecs, type ImportKind, type Value } from '../../electron/services/import/kinds.js';
import { defaultMapping, fieldPositions, guessKind } from '../../electron/services/import/mapping.js';
import { rowValidator, type Rejection } from '../../electron/services/import/validateRow.js';
import { todayIso } from '../../electron/services/dates.js';

/** Validates one record given as field → raw text, in the kind's documented column order. */
function validate(kind: ImportKind, values: Record<string, string>): { row: Value[] | null; rejections: Rejection[] } {
  const spec = kindSpecs[kind];
  const header = spec.fields.map((f) => f.field);
  const validator = rowValidator(spec, fieldPositions(spec, defaultMapping(spec, header), header), header.length);
  const rejections: Rejection[] = [];
  const row = validator.validate(
    2,
    header.map((name) => values[name] ?? ''),
    rejections,
  );
  return { row, rejections };
}

function rejection(kind: ImportKind, values: Record<string, string>): Pick<Rejection, 'column' | 'code'>[] {
  return validate(kind, values).rejections.map(({ column, code }) => ({ column, code }));
}

const tomorrow = new Date(Date.parse(todayIso()) + 86_400_000).toISOString().slice(0, 10);

const listing = { customer_id: '0341300000093', listed_on: '2025-03-10', reason: '冒用他人身份开户' };

const complaint = {
  complaint_id: 'TS034130000016201',
  customer_id: '0341300000162',
  received_on: '2025-07-10',
  channel: 'mobile',
  category: 'fees',
  summary: '跨行转账手续费与宣传不符',
};

describe('blacklist rows', () => {
  test('a listing lands with its dates in ISO form and empty optional fields as null', () => {
    expect(validate('blacklist', { ...listing, listed_on: '2025/03/10', source: ' 公安机关协查通报 ' }).row).toEqual([
      '0341300000093',
      '2025-03-10',
      '冒用他人身份开户',
      '公安机关协查通报',
      null,
    ]);
  });

  test('a listing may be lifted on the day it was made, never before', () => {
    expect(validate('blacklist', { ...listing, lifted_on: '20250310' }).row?.[4]).toBe('2025-03-10');
    const early = validate('blacklist', { ...listing, lifted_on: '2025-03-09' });
    expect(early.row).toBeNull();
    expect(early.rejections).toEqual([
      {
        line: 2,
        column: 'lifted_on',
        value: '2025-03-09',
        code: 'date_range',
        message: 'the listing is lifted before it was made',
      },
    ]);
  });

  test('reason and listing date are required; dates in the future and overlong reasons are refused', () => {
    expect(rejection('blacklist', { ...listing, reason: ' ' })).toEqual([{ column: 'reason', code: 'required' }]);
    expect(rejection('blacklist', { ...listing, listed_on: '' })).toEqual([{ column: 'listed_on', code: 'required' }]);
    expect(rejection('blacklist', { ...listing, listed_on: tomorrow })).toEqual([
      { column: 'listed_on', code: 'date_range' },
    ]);
    expect(rejection('blacklist', { ...listing, lifted_on: tomorrow })).toEqual([
      { column: 'lifted_on', code: 'date_range' },
    ]);
    expect(rejection('blacklist', { ...listing, listed_on: '2025-02-29' })).toEqual([
      { column: 'listed_on', code: 'bad_date' },
    ]);
    expect(rejection('blacklist', { ...listing, reason: '欠'.repeat(201) })).toEqual([
      { column: 'reason', code: 'too_long' },
    ]);
    expect(rejection('blacklist', { ...listing, customer_id: '3.41E+11' })).toEqual([
      { column: 'customer_id', code: 'excel_scientific' },
    ]);
  });
});

describe('complaint rows', () => {
  test('a complaint lands as given; an open one has no resolution date', () => {
    expect(validate('complaints', complaint).row).toEqual([
      'TS034130000016201',
      '0341300000162',
      '2025-07-10',
      'mobile',
      'fees',
      '跨行转账手续费与宣传不符',
      null,
    ]);
  });

  test('the register’s Chinese channel and category names read as the documented values', () => {
    const cases: [string, string, string, string][] = [
      ['柜面', 'branch', '服务', 'service'],
      ['网点', 'branch', '收费', 'fees'],
      ['自助设备', 'atm_pos', '产品', 'product'],
      ['网上银行', 'internet', '员工', 'staff'],
      ['手机银行', 'mobile', '其他', 'other'],
      ['电话', 'phone', 'FEES', 'fees'],
      ['电话银行', 'phone', 'Service', 'service'],
      ['助农点', 'agent', 'staff', 'staff'],
    ];
    for (const [channel, channelValue, category, categoryValue] of cases) {
      const row = validate('complaints', { ...complaint, channel, category }).row;
      expect(row?.slice(3, 5), `${channel} / ${category}`).toEqual([channelValue, categoryValue]);
    }
  });

  test('channels and categories outside the lists are refused, naming the accepted spellings', () => {
    const { rejections } = validate('complaints', { ...complaint, channel: '微信' });
    expect(rejections).toMatchObject([{ column: 'channel', code: 'bad_enum', value: '微信' }]);
    expect(rejections[0]?.message).toMatch(/branch.*手机银行/);
    expect(rejection('complaints', { ...complaint, category: '利率' })).toEqual([
      { column: 'category', code: 'bad_enum' },
    ]);
  });

  test('a complaint is resolved on or after the day it was received, and neither date is in the future', () => {
    expect(validate('complaints', { ...complaint, resolved_on: '2025-07-10' }).row?.[6]).toBe('2025-07-10');
    expect(validate('complaints', { ...complaint, resolved_on: '2025-07-09' }).rejections).toMatchObject([
      { column: 'resolved_on', code: 'date_range', message: 'the complaint is resolved before it was received' },
    ]);
    expect(rejection('complaints', { ...complaint, received_on: tomorrow })).toEqual([
      { column: 'received_on', code: 'date_range' },
    ]);
    expect(rejection('complaints', { ...complaint, resolved_on: tomorrow })).toEqual([
      { column: 'resolved_on', code: 'date_range' },
    ]);
  });

  test('every field but the resolution date is required, and each missing one is reported', () => {
    expect(rejection('complaints', { complaint_id: 'TS1', customer_id: '1' })).toEqual([
      { column: 'received_on', code: 'required' },
      { column: 'channel', code: 'required' },
      { column: 'category', code: 'required' },
      { column: 'summary', code: 'required' },
    ]);
    expect(rejection('complaints', { ...complaint, summary: '长'.repeat(501) })).toEqual([
      { column: 'summary', code: 'too_long' },
    ]);
  });
});

describe('recognising the exports', () => {
  test('Chinese headers map to the fields and name the kind', () => {
    const blacklistHeader = ['客户号', '列入日期', '列入原因', '信息来源', '解除日期'];
    expect(guessKind(blacklistHeader, '/exports/hmd_20261123.csv')).toBe('blacklist');
    expect(defaultMapping(kindSpecs.blacklist, blacklistHeader)).toEqual({
      customer_id: '客户号',
      listed_on: '列入日期',
      reason: '列入原因',
      source: '信息来源',
      lifted_on: '解除日期',
    });

    const complaintHeader = ['投诉编号', '客户号', '受理日期', '受理渠道', '投诉类别', '投诉内容', '办结日期'];
    expect(guessKind(complaintHeader, '/exports/ts_20261123.csv')).toBe('complaints');
    expect(defaultMapping(kindSpecs.complaints, complaintHeader)).toEqual({
      complaint_id: '投诉编号',
      customer_id: '客户号',
      received_on: '受理日期',
      channel: '受理渠道',
      category: '投诉类别',
      summary: '投诉内容',
      resolved_on: '办结日期',
    });
  });

  test('the documented headers name the kind; the other kinds are still told apart', () => {
    for (const kind of ['blacklist', 'complaints', 'customers', 'holdings', 'activity', 'products'] as const) {
      const header = kindSpecs[kind].fields.map((f) => f.field);
      expect(guessKind(header, `/exports/export.csv`), kind).toBe(kind);
    }
  });
});
