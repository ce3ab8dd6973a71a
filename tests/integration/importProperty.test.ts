// A property over random customer files: valid rows (correct resident-ID check digits, every accepted
// spelling, quoted commas, quotes and line breaks), rows with exactly one broken field, and later
// rows repeating an earlier key. The import rejects exactly the broken and repeated rows, by line and
// code, and holds exactly the valid ones, the first of each key, with their values in stored form.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { parseCsv, toCsv } from '../helpers/csvText.js';
import { databaseFileName } from '../helpers/demoDatabase.js';
import { allRejections, importPaths, rejectionKeys } from '../helpers/importFixtures.js';
import { tempDirForTest } from '../helpers/tempDir.js';
import { startHost } from '../helpers/workerHost.js';

const header = [
  'customer_id',
  'branch_id',
  'name',
  'gender',
  'birth_date',
  'id_number',
  'phone',
  'occupation',
  'area_type',
  'town',
  'village',
  'address',
  'customer_since',
  'manager_id',
  'consent_marketing',
  'consent_sms',
  'consent_phone',
  'consent_visit',
  'consent_app',
  'do_not_contact',
] as const;
type Column = (typeof header)[number];
type Row = Record<Column, string>;

// --- Valid values, and the form the database keeps them in (worked out here, not by the importer). ---

const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
function checkDigit(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * weights[i]!;
  return '10X98765432'[sum % 11]!;
}

const digits = (min: number, max: number) =>
  fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: min, maxLength: max });
const date = (from: number, to: number) =>
  fc
    .date({ min: new Date(Date.UTC(from, 0, 1)), max: new Date(Date.UTC(to, 11, 31)), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10));
/** A date as written: ISO, with slashes, or compact. */
const writtenDate = (from: number, to: number) =>
  fc
    .tuple(date(from, to), fc.constantFrom('-', '/', ''))
    .map(([iso, sep]) => ({ written: iso.replaceAll('-', sep), iso }));
const text = (max: number) =>
  fc
    .string({ unit: fc.constantFrom(...'青山县城关镇人民路社区锦绣花园abcXYZ0123 ,"\n'), minLength: 1, maxLength: max })
    .map((s) => s.trim())
    .filter((s) => s !== '');

const validRow = fc.record({
  name: text(50),
  gender: fc.constantFrom(['', null], ['M', 'M'], ['F', 'F'], ['男', 'M'], ['女', 'F'], ['f', 'F']),
  birth: fc.option(writtenDate(1930, 2005), { nil: null }),
  idNumber: fc.option(fc.tuple(digits(6, 6), date(1930, 2005), digits(3, 3), fc.boolean()), { nil: null }),
  phone: fc.option(fc.tuple(fc.constantFrom(...'3456789'), digits(9, 9), fc.constantFrom('', '+86 ', '86')), {
    nil: null,
  }),
  occupation: fc.constantFrom(['', 'other'], ['farmer', 'farmer'], ['retired', 'retired'], ['Student', 'student']),
  area: fc.constantFrom(['urban', 'urban'], ['rural', 'rural'], ['城镇', 'urban'], ['农村', 'rural']),
  town: fc.option(text(20), { nil: '' }),
  address: fc.option(text(120), { nil: '' }),
  since: writtenDate(1990, 2025),
  manager: fc.constantFrom('', 'R001', 'R002'),
  flags: fc.array(fc.constantFrom(['', 0], ['1', 1], ['0', 0], ['Y', 1], ['n', 0], ['是', 1], ['否', 0], ['TRUE', 1]), {
    minLength: 6,
    maxLength: 6,
  }),
});
type ValidParts = typeof validRow extends fc.Arbitrary<infer T> ? T : never;

interface Stored {
  name: string;
  gender: string | null;
  birth_date: string | null;
  id_number: string | null;
  phone: string | null;
  occupation: string;
  area_type: string;
  town: string | null;
  address: string | null;
  customer_since: string;
  manager_id: string | null;
  flags: number[];
}

function build(id: string, parts: ValidParts): { row: Row; stored: Stored } {
  let idNumber = '';
  if (parts.idNumber) {
    const [area, birth, seq, lower] = parts.idNumber;
    const first17 = `${area}${birth.replaceAll('-', '')}${seq}`;
    idNumber = first17 + checkDigit(first17);
    if (lower) idNumber = idNumber.toLowerCase();
  }
  const phone = parts.phone ? `${parts.phone[2]}1${parts.phone[0]}${parts.phone[1]}` : '';
  const row: Row = {
    customer_id: id,
    branch_id: '3413',
    name: parts.name,
    gender: parts.gender[0]!,
    birth_date: parts.birth?.written ?? '',
    id_number: idNumber,
    phone,
    occupation: parts.occupation[0],
    area_type: parts.area[0],
    town: parts.town,
    village: '',
    address: parts.address,
    customer_since: parts.since.written,
    manager_id: parts.manager,
    consent_marketing: parts.flags[0]![0] as string,
    consent_sms: parts.flags[1]![0] as string,
    consent_phone: parts.flags[2]![0] as string,
    consent_visit: parts.flags[3]![0] as string,
    consent_app: parts.flags[4]![0] as string,
    do_not_contact: parts.flags[5]![0] as string,
  };
  const stored: Stored = {
    name: parts.name,
    gender: parts.gender[1],
    birth_date: parts.birth?.iso ?? null,
    id_number: idNumber === '' ? null : idNumber.toUpperCase(),
    phone: parts.phone ? `1${parts.phone[0]}${parts.phone[1]}` : null,
    occupation: parts.occupation[1],
    area_type: parts.area[1],
    town: parts.town === '' ? null : parts.town,
    address: parts.address === '' ? null : parts.address,
    customer_since: parts.since.iso,
    manager_id: parts.manager === '' ? null : parts.manager,
    flags: parts.flags.map((f) => f[1] as number),
  };
  return { row, stored };
}

// --- One broken field each, with the column and code the importer must name. ---

interface Fault {
  column: Column | '';
  code: string;
  apply(row: Row): string[];
}

function setting(column: Column, value: string | ((row: Row) => string), code: string): Fault {
  return {
    column,
    code,
    apply: (row) => header.map((c) => (c === column ? (typeof value === 'string' ? value : value(row)) : row[c])),
  };
}

const faults: Fault[] = [
  setting('customer_id', (row) => `${row.customer_id} X`, 'bad_id'),
  setting('customer_id', '3.41322E+17', 'excel_scientific'),
  setting('customer_id', '', 'required'),
  setting('branch_id', '9999', 'unknown_reference'),
  setting('name', '', 'required'),
  setting('name', '名'.repeat(51), 'too_long'),
  setting('gender', 'X', 'bad_enum'),
  setting('birth_date', '1985-02-30', 'bad_date'),
  setting('birth_date', '2091-03-15', 'date_range'),
  setting('birth_date', '1899-12-31', 'date_range'),
  setting(
    'id_number',
    () => {
      const first17 = '34132219850326124';
      return first17 + (checkDigit(first17) === '0' ? '1' : '0');
    },
    'bad_resident_id',
  ),
  setting('id_number', '3413221985032612', 'bad_resident_id'),
  setting('phone', '12345678901', 'bad_mobile'),
  setting('phone', '0571-8888666', 'bad_mobile'),
  setting('occupation', 'pilot', 'bad_enum'),
  setting('area_type', '', 'required'),
  setting('area_type', 'suburb', 'bad_enum'),
  setting('customer_since', '', 'required'),
  setting('customer_since', '2091-01-01', 'date_range'),
  setting('manager_id', 'R999', 'unknown_reference'),
  setting('consent_sms', '2', 'bad_flag'),
  { column: '', code: 'wrong_columns', apply: (row) => header.slice(0, -1).map((c) => row[c]) },
  { column: '', code: 'wrong_columns', apply: (row) => [...header.map((c) => row[c]), 'extra'] },
];

type Entry =
  | { kind: 'valid'; parts: ValidParts }
  | { kind: 'invalid'; parts: ValidParts; fault: number }
  | { kind: 'duplicate'; parts: ValidParts; of: number };

const entry: fc.Arbitrary<Entry> = fc.oneof(
  { weight: 5, arbitrary: validRow.map((parts) => ({ kind: 'valid' as const, parts })) },
  {
    weight: 3,
    arbitrary: fc
      .tuple(validRow, fc.nat(faults.length - 1))
      .map(([parts, fault]) => ({ kind: 'invalid' as const, parts, fault })),
  },
  {
    weight: 1,
    arbitrary: fc.tuple(validRow, fc.nat()).map(([parts, of]) => ({ kind: 'duplicate' as const, parts, of })),
  },
);

describe('random customer files', () => {
  test('rejected: exactly the broken and repeated rows; imported: exactly the valid ones, first of each key', async () => {
    const dataDir = tempDirForTest();
    const files = tempDirForTest();
    const { host } = await startHost(dataDir);
    writeFileSync(
      join(files, 'branches.csv'),
      toCsv([
        ['branch_id', 'name', 'region'],
        ['3413', '青山县支行', ''],
      ]),
    );
    writeFileSync(
      join(files, 'staff.csv'),
      toCsv([
        ['staff_id', 'branch_id', 'name', 'role', 'phone'],
        ['R001', '3413', '王芳', 'rm', ''],
        ['R002', '3413', '李强', 'rm', ''],
      ]),
    );
    await importPaths(host.api, [join(files, 'branches.csv'), join(files, 'staff.csv')]);
    const db = new Database(join(dataDir, databaseFileName), { readonly: true });
    let run = 0;

    await fc.assert(
      fc.asyncProperty(fc.array(entry, { minLength: 1, maxLength: 40 }), async (entries) => {
        run += 1;
        // Every run has customer numbers of its own, so runs share the database but nothing else.
        const prefix = `P${run}N`;
        const records: string[][] = [];
        const expected: { index: number; column: string; code: string }[] = [];
        const accepted = new Map<string, Stored>();
        const validIds: string[] = [];
        entries.forEach((e, index) => {
          const id = `${prefix}${index}`;
          if (e.kind === 'valid' || (e.kind === 'duplicate' && validIds.length === 0)) {
            const { row, stored } = build(id, e.parts);
            records.push(header.map((c) => row[c]));
            accepted.set(id, stored);
            validIds.push(id);
          } else if (e.kind === 'duplicate') {
            const { row } = build(validIds[e.of % validIds.length]!, e.parts);
            records.push(header.map((c) => row[c]));
            expected.push({ index, column: 'customer_id', code: 'duplicate_key' });
          } else {
            const fault = faults[e.fault]!;
            records.push(fault.apply(build(id, e.parts).row));
            expected.push({ index, column: fault.column, code: fault.code });
          }
        });
        const csv = toCsv([[...header], ...records]);
        // Lines as the tests' own reader finds them: quoted line breaks make records span lines.
        const lines = parseCsv(csv)
          .slice(1)
          .map((r) => r.line);
        expect(lines).toHaveLength(records.length);
        const path = join(files, `customers-${run}.csv`);
        writeFileSync(path, csv);

        const result = await importPaths(host.api, [path]);
        const rejections = await allRejections(host.api, result.runId);
        expect(rejectionKeys(rejections)).toEqual(
          rejectionKeys(
            expected.map((r) => ({
              file: `customers-${run}.csv`,
              line: lines[r.index]!,
              column: r.column,
              code: r.code,
            })),
          ),
        );
        expect(result.files[0]).toMatchObject({
          rows: records.length,
          added: accepted.size,
          rejected: expected.length,
        });

        const imported = db
          .prepare(
            `SELECT customer_id, name, gender, birth_date, id_number, phone, occupation, area_type, town, address,
                    customer_since, manager_id, consent_marketing, consent_sms, consent_phone, consent_visit,
                    consent_app, do_not_contact
             FROM customers WHERE customer_id LIKE ? ORDER BY customer_id`,
          )
          .all(`${prefix}%`) as (Omit<Stored, 'flags'> & Record<string, unknown>)[];
        expect(
          new Map(
            imported.map(
              ({
                customer_id,
                consent_marketing,
                consent_sms,
                consent_phone,
                consent_visit,
                consent_app,
                do_not_contact,
                ...rest
              }) => [
                customer_id,
                {
                  ...rest,
                  flags: [consent_marketing, consent_sms, consent_phone, consent_visit, consent_app, do_not_contact],
                },
              ],
            ),
          ),
        ).toEqual(accepted);
      }),
      { numRuns: 25, seed: 20261123 },
    );
    db.close();
  });
});
