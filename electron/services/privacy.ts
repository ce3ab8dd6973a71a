// Masking of personal identifiers for lists, cards and exports.

/** 110101199003071234 → 110101********1234 */
export function maskIdNumber(idNumber: string | null): string | null {
  if (!idNumber) return null;
  if (idNumber.length <= 10) return '*'.repeat(idNumber.length);
  return idNumber.slice(0, 6) + '*'.repeat(idNumber.length - 10) + idNumber.slice(-4);
}

/** 13812345678 → 138****5678 */
export function maskPhone(phone: string | null): string | null {
  if (!phone) return null;
  if (phone.length <= 7) return '*'.repeat(phone.length);
  return phone.slice(0, 3) + '*'.repeat(phone.length - 7) + phone.slice(-4);
}
