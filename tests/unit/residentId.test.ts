// GB 11643 resident ID numbers: the ISO 7064 MOD 11-2 check digit and the validity check.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { isValidResidentId, residentIdCheckDigit } from '../../electron/services/validation/residentId.js';

// The worked examples printed in GB 11643-1999 and its commentaries.
const published = [
  '11010519491231002X', // Beijing Chaoyang, 1949-12-31: check digit X
  '440524188001010014', // Guangdong Shantou, 1880-01-01: check digit 4
];

/** MOD 11-2 as ISO 7064 states it: Σ aᵢ·2^(i−1) over all 18 positions (X = 10) ≡ 1 (mod 11). */
function satisfiesIso7064(idNumber: string): boolean {
  let sum = 0;
  for (let i = 0; i < 18; i++) {
    const char = idNumber[17 - i] ?? '';
    const value = char === 'X' ? 10 : Number(char);
    sum += value * (2 ** i % 11);
  }
  return sum % 11 === 1;
}

const first17 = fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 17, maxLength: 17 });

describe('residentIdCheckDigit', () => {
  test.each(published)('gives the published check digit of %s', (idNumber) => {
    expect(residentIdCheckDigit(idNumber.slice(0, 17))).toBe(idNumber[17]);
  });

  test('yields a digit or X that satisfies ISO 7064 MOD 11-2', () => {
    fc.assert(
      fc.property(first17, (digits) => {
        const check = residentIdCheckDigit(digits);
        expect(check).toMatch(/^[0-9X]$/);
        expect(satisfiesIso7064(digits + check)).toBe(true);
      }),
    );
  });

  test('refuses anything but 17 digits', () => {
    for (const bad of ['', '1101051949123100', '110105194912310021', '1101051949123100A']) {
      expect(() => residentIdCheckDigit(bad)).toThrow(/17 digits/);
    }
  });
});

describe('isValidResidentId', () => {
  test.each(published)('accepts %s', (idNumber) => {
    expect(isValidResidentId(idNumber)).toBe(true);
  });

  test('rejects a wrong check digit, a lower-case x and malformed numbers', () => {
    expect(isValidResidentId('110105194912310021')).toBe(false);
    expect(isValidResidentId('440524188001010015')).toBe(false);
    expect(isValidResidentId('11010519491231002x')).toBe(false);
    expect(isValidResidentId('11010519491231002')).toBe(false);
    expect(isValidResidentId('11010519491231002X0')).toBe(false);
    expect(isValidResidentId('A1010519491231002X')).toBe(false);
  });

  test('catches every single-digit substitution in a valid number', () => {
    fc.assert(
      fc.property(first17, fc.nat({ max: 16 }), fc.integer({ min: 1, max: 9 }), (digits, position, shift) => {
        const valid = digits + residentIdCheckDigit(digits);
        expect(isValidResidentId(valid)).toBe(true);
        const changed = String((Number(valid[position]) + shift) % 10);
        const corrupted = valid.slice(0, position) + changed + valid.slice(position + 1);
        expect(isValidResidentId(corrupted)).toBe(false);
      }),
    );
  });
});
