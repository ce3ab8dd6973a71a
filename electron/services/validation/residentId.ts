// Resident identity numbers (GB 11643-1999): 17 digits and a check digit (0–9 or X) by ISO 7064 MOD 11-2.

const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const checkChars = '10X98765432';

/** The check digit for the first 17 digits of a resident ID number. */
export function residentIdCheckDigit(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new Error(`expected 17 digits, got "${first17}"`);
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (weights[i] ?? 0);
  return checkChars[sum % 11] ?? '';
}

export function isValidResidentId(idNumber: string): boolean {
  if (!/^\d{17}[\dX]$/.test(idNumber)) return false;
  return residentIdCheckDigit(idNumber.slice(0, 17)) === idNumber[17];
}
