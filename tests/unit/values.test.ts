// Value parsers for text, ids, flags, lists, dates, months, resident IDs and mobile numbers.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { residentIdCheckDigit } from '../../electron/services/validation/residentId.js';
import {
  isEmpty,
  parseDate,
  parseEnum,
  parseFlag,
  parseId,
  parseMobile,
  parseMonth,
  parseResidentId,
  parseText,
  rejectCodes,
} from '../../electron/services/validation/values.js';
import type { Parsed, RejectCode } from '../../electron/services/validation/values.js';

function valueOf<T>(parsed: Parsed<T>): T {
  if (!parsed.ok) throw new Error(`expected a value, got ${parsed.code}: ${parsed.message}`);
  return parsed.value;
}

function refusal<T>(parsed: Parsed<T>): { code: RejectCode; message: string } {
  if (parsed.ok) throw new Error(`expected a refusal, got ${JSON.stringify(parsed.value)}`);
  return { code: parsed.code, message: parsed.message };
}

describe('rejectCodes', () => {
  test('are exactly the reason codes of the Rejections table in docs/FORMATS.md', () => {
    const doc = readFileSync(new URL('../../docs/FORMATS.md', import.meta.url), 'utf8');
    const table = doc.slice(doc.indexOf('## Rejections'));
    const documented = [...table.matchAll(/^\| (`[a-z_]+`(?: \/ `[a-z_]+`)*) +\|/gm)].flatMap((row) =>
      [...(row[1] ?? '').matchAll(/`([a-z_]+)`/g)].map((code) => code[1]),
    );
    expect([...rejectCodes].sort()).toEqual(documented.sort());
  });
});

describe('isEmpty', () => {
  test('treats blanks, whitespace (also ideographic space), null and undefined as empty', () => {
    for (const blank of ['', ' ', '\t', '\u3000', null, undefined]) expect(isEmpty(blank)).toBe(true);
    expect(isEmpty(' 0 ')).toBe(false);
  });
});

describe('parseText', () => {
  test('trims and keeps text within the limit', () => {
    expect(valueOf(parseText('  张三  ', 50))).toBe('张三');
  });

  test('counts characters, not UTF-16 units, so a rare name character counts once', () => {
    expect(valueOf(parseText('𠀀𠀀', 2))).toBe('𠀀𠀀');
    expect(refusal(parseText('𠀀𠀀𠀀', 2))).toEqual({
      code: 'too_long',
      message: 'This text has 3 characters but at most 2 fit; shorten it.',
    });
  });

  test('refuses an empty value as required', () => {
    expect(refusal(parseText('  ', 10)).code).toBe('required');
  });
});

describe('parseId', () => {
  test('keeps letters, digits, "-" and "_" exactly, leading zeros included', () => {
    for (const id of ['000123', 'C-001_a', '12E4']) expect(valueOf(parseId(id))).toBe(id);
  });

  test.each(['3.41322E+17', '1.23e+10', '1E+11', '6.22848E+18'])(
    'refuses Excel notation %s as excel_scientific',
    (raw) => {
      const { code, message } = refusal(parseId(raw));
      expect(code).toBe('excel_scientific');
      expect(message).toMatch(/scientific notation.*digits are lost.*as text/);
    },
  );

  test('names the first character an id may not hold', () => {
    expect(refusal(parseId('C 001'))).toEqual({
      code: 'bad_id',
      message: 'An id may hold only letters, digits, "-" and "_", but this one has a space.',
    });
    expect(refusal(parseId('C001/2')).message).toContain('"/"');
    expect(refusal(parseId('客户1')).code).toBe('bad_id');
  });
});

describe('parseFlag', () => {
  test.each([
    ['1', 1],
    ['0', 0],
    ['Y', 1],
    ['n', 0],
    ['YES', 1],
    ['No', 0],
    ['true', 1],
    ['FALSE', 0],
    ['是', 1],
    ['否', 0],
    [' y ', 1],
  ])('reads %s as %i', (raw, flag) => {
    expect(valueOf(parseFlag(raw))).toBe(flag);
  });

  test.each(['2', 'ok', '对', 'constructor', 'toString'])('refuses %s', (raw) => {
    expect(refusal(parseFlag(raw)).code).toBe('bad_flag');
  });
});

describe('parseEnum', () => {
  const genders = ['M', 'F'] as const;
  const genderAliases = { 男: 'M', 女: 'F' } as const;
  const areaTypes = ['urban', 'rural'] as const;

  test('matches without regard to case and returns the allowed spelling', () => {
    expect(valueOf(parseEnum('m', genders))).toBe('M');
    expect(valueOf(parseEnum('Rural', areaTypes))).toBe('rural');
  });

  test('maps aliases', () => {
    expect(valueOf(parseEnum('男', genders, genderAliases))).toBe('M');
    expect(valueOf(parseEnum('城镇', areaTypes, { 城镇: 'urban', 农村: 'rural' }))).toBe('urban');
    expect(valueOf(parseEnum('SPECIAL', ['normal', 'special_mention'], { special: 'special_mention' }))).toBe(
      'special_mention',
    );
  });

  test('lists the allowed values and aliases when refusing', () => {
    expect(refusal(parseEnum('X', genders, genderAliases))).toEqual({
      code: 'bad_enum',
      message: 'Use one of: M, F, 男, 女.',
    });
    expect(refusal(parseEnum('toString', genders)).code).toBe('bad_enum');
  });
});

describe('parseDate', () => {
  test.each([
    ['2024-03-05', '2024-03-05'],
    ['2024/03/05', '2024-03-05'],
    ['20240305', '2024-03-05'],
    ['2024/3/5', '2024-03-05'],
    ['2024-3-05', '2024-03-05'],
    ['2024-03-05 00:00:00', '2024-03-05'],
    ['2024/3/5 0:00', '2024-03-05'],
  ])('reads %s as %s', (raw, iso) => {
    expect(valueOf(parseDate(raw))).toBe(iso);
  });

  test('accepts leap days in leap years only, by the Gregorian rules', () => {
    expect(valueOf(parseDate('2024-02-29'))).toBe('2024-02-29');
    expect(valueOf(parseDate('2000-02-29'))).toBe('2000-02-29');
    expect(refusal(parseDate('2023-02-29'))).toEqual({
      code: 'bad_date',
      message: '2023 is not a leap year, so February has no 29th.',
    });
    expect(refusal(parseDate('1900-02-29')).code).toBe('bad_date');
    expect(refusal(parseDate('2100-02-29')).code).toBe('bad_date');
  });

  test.each(['2024-04-31', '2024-13-01', '2024-00-10', '2024-01-00', '0000-01-01', '2024-02-30'])(
    'refuses %s, which is not on the calendar',
    (raw) => {
      expect(refusal(parseDate(raw)).code).toBe('bad_date');
    },
  );

  test.each(['2024-03', '24-03-05', '2024-03/05', '2024.03.05', '05/03/2024', '2024-03-05 10:30', 'soon'])(
    'refuses the form of %s',
    (raw) => {
      expect(refusal(parseDate(raw)).code).toBe('bad_date');
    },
  );

  test('explains an Excel date serial number', () => {
    expect(refusal(parseDate('45292')).message).toBe(
      'Excel turned this date into its serial number (45292 is 2024-01-01); format the column as yyyy-mm-dd before exporting.',
    );
  });

  test('enforces the range, inclusive at both ends', () => {
    const range = { min: '1900-01-01', max: '2026-06-30' };
    expect(valueOf(parseDate('1900-01-01', range))).toBe('1900-01-01');
    expect(valueOf(parseDate('2026-06-30', range))).toBe('2026-06-30');
    expect(refusal(parseDate('1899-12-31', range))).toEqual({
      code: 'date_range',
      message: 'This date is before 1900-01-01, the earliest allowed here.',
    });
    expect(refusal(parseDate('2026-07-01', range)).code).toBe('date_range');
  });

  test('calls a date after today a date in the future', () => {
    const today = new Date().toISOString().slice(0, 10);
    expect(refusal(parseDate('9999-12-31', { max: today })).message).toBe('This date is in the future.');
  });

  test('agrees with the JavaScript calendar on every day of four centuries', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1600, max: 2399 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 31 }),
        (y, m, d) => {
          const date = new Date(Date.UTC(y, m - 1, d));
          const real = date.getUTCMonth() === m - 1;
          const text = `${y}${String(m).padStart(2, '0')}${String(d).padStart(2, '0')}`;
          expect(parseDate(text).ok).toBe(real);
        },
      ),
    );
  });
});

describe('parseMonth', () => {
  test.each([
    ['2024-03', '2024-03'],
    ['2024/03', '2024-03'],
    ['202403', '2024-03'],
    ['2024/3', '2024-03'],
  ])('reads %s as %s', (raw, month) => {
    expect(valueOf(parseMonth(raw))).toBe(month);
  });

  test.each(['2024-13', '2024-00', '202413', '2024-03-01', '24-03', '2024'])('refuses %s', (raw) => {
    expect(refusal(parseMonth(raw)).code).toBe('bad_month');
  });
});

// The worked examples of GB 11643-1999 and its commentaries.
const publishedIds = ['11010519491231002X', '440524188001010014'];
const digits = (length: number) =>
  fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: length, maxLength: length });
/** 17 digits with a real birth date between 1900 and 2020 in positions 7–14. */
const first17 = fc
  .tuple(
    digits(6),
    fc.date({ min: new Date('1900-01-01'), max: new Date('2020-12-31'), noInvalidDate: true }),
    digits(3),
  )
  .map(([area, birth, serial]) => area + birth.toISOString().slice(0, 10).replaceAll('-', '') + serial);

describe('parseResidentId', () => {
  test.each(publishedIds)('accepts the published example %s', (id) => {
    expect(valueOf(parseResidentId(id))).toBe(id);
  });

  test('upper-cases a lower-case check digit x', () => {
    expect(valueOf(parseResidentId('11010519491231002x'))).toBe('11010519491231002X');
  });

  test('names the expected check digit', () => {
    expect(refusal(parseResidentId('110105194912310021'))).toEqual({
      code: 'bad_resident_id',
      message: 'The check digit should be X, not 1; look for a mistyped digit.',
    });
    expect(refusal(parseResidentId('440524188001010017')).message).toContain('should be 4, not 7');
  });

  test('refuses an impossible or future birth date', () => {
    const feb30 = '11010519490230002';
    expect(refusal(parseResidentId(feb30 + residentIdCheckDigit(feb30))).message).toBe(
      'The birth date inside this number (19490230) is not a real date.',
    );
    const later = '11010520300101002';
    expect(refusal(parseResidentId(later + residentIdCheckDigit(later), '2026-01-01')).message).toBe(
      'The birth date inside this number lies in the future.',
    );
  });

  test('refuses wrong lengths, old 15-digit numbers, other characters and Excel notation', () => {
    expect(refusal(parseResidentId('11010519491231002')).message).toBe(
      'An ID number has 18 characters, but this one has 17.',
    );
    expect(refusal(parseResidentId('110105491231002')).message).toContain('old 15-digit');
    expect(refusal(parseResidentId('1101051949123100XX')).code).toBe('bad_resident_id');
    expect(refusal(parseResidentId('1.10105E+17')).code).toBe('excel_scientific');
  });

  test('accepts every number with a correct check digit and a real past birth date', () => {
    fc.assert(
      fc.property(first17, (digits17) => {
        const id = digits17 + residentIdCheckDigit(digits17);
        expect(valueOf(parseResidentId(id))).toBe(id);
      }),
    );
  });

  test('refuses every single-digit change, naming the check digit it should have', () => {
    fc.assert(
      fc.property(first17, fc.nat({ max: 17 }), fc.integer({ min: 1, max: 9 }), (digits17, position, shift) => {
        const valid = digits17 + residentIdCheckDigit(digits17);
        const original = valid[position]!;
        const changed = original === 'X' ? String(shift) : String((Number(original) + shift) % 10);
        const corrupted = valid.slice(0, position) + changed + valid.slice(position + 1);
        const { code, message } = refusal(parseResidentId(corrupted));
        expect(code).toBe('bad_resident_id');
        // A change inside the birth date may make it unreal; every other change breaks the check digit.
        if (!message.includes('birth date')) {
          expect(message).toContain(`should be ${residentIdCheckDigit(corrupted.slice(0, 17))}, not ${corrupted[17]}`);
        }
      }),
    );
  });
});

describe('parseMobile', () => {
  test.each([
    ['13812345678', '13812345678'],
    ['138 1234 5678', '13812345678'],
    ['138-1234-5678', '13812345678'],
    ['+86 138 1234 5678', '13812345678'],
    ['+8613812345678', '13812345678'],
    ['8613812345678', '13812345678'],
    ['19912345678', '19912345678'],
  ])('reads %s as %s', (raw, mobile) => {
    expect(valueOf(parseMobile(raw))).toBe(mobile);
  });

  test('refuses landlines, short numbers, letters and Excel notation with a reason', () => {
    expect(refusal(parseMobile('12812345678')).message).toContain('starts with 13 to 19');
    expect(refusal(parseMobile('010-12345678')).message).toContain('looks like a landline');
    expect(refusal(parseMobile('1381234567')).message).toBe(
      'A mainland mobile number has 11 digits, but this one has 10.',
    );
    expect(refusal(parseMobile('138abcd5678')).code).toBe('bad_mobile');
    expect(refusal(parseMobile('1.38123E+10')).code).toBe('excel_scientific');
  });
});
