// Masking of phone and resident ID numbers shown in lists and cards.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { maskIdNumber, maskPhone } from '../../electron/services/privacy.js';

describe('maskPhone', () => {
  test('keeps the first three and last four digits of a mobile number', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
  });

  test('masks short numbers entirely and passes null through', () => {
    expect(maskPhone('5551234')).toBe('*******');
    expect(maskPhone('')).toBeNull();
    expect(maskPhone(null)).toBeNull();
  });

  test('shows at most seven digits (none of a short number) and keeps the length', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 1, maxLength: 20 }), (phone) => {
        const masked = maskPhone(phone)!;
        expect(masked).toHaveLength(phone.length);
        expect(masked.replaceAll('*', '')).toHaveLength(phone.length <= 7 ? 0 : 7);
      }),
    );
  });
});

describe('maskIdNumber', () => {
  test('keeps the area code and the last four characters, including a check digit X', () => {
    expect(maskIdNumber('110101199003071234')).toBe('110101********1234');
    expect(maskIdNumber('11010519491231002X')).toBe('110105********002X');
  });

  test('hides the birth date of every 18-character number', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'0123456789X'), minLength: 18, maxLength: 18 }), (idNumber) => {
        const masked = maskIdNumber(idNumber)!;
        expect(masked.slice(6, 14)).toBe('********');
        expect(masked.slice(0, 6) + masked.slice(14)).toBe(idNumber.slice(0, 6) + idNumber.slice(14));
      }),
    );
  });

  test('masks short values entirely and passes null through', () => {
    expect(maskIdNumber('1234567890')).toBe('**********');
    expect(maskIdNumber(null)).toBeNull();
  });
});
