// Calendar helpers on ISO-8601 date text.

export function todayIso(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** Whole years between an ISO birth date and an ISO reference date. */
export function ageOn(birthDate: string | null, onDate: string): number | null {
  if (!birthDate) return null;
  const by = Number(birthDate.slice(0, 4));
  const bmd = birthDate.slice(5);
  const ry = Number(onDate.slice(0, 4));
  const rmd = onDate.slice(5);
  return ry - by - (rmd < bmd ? 1 : 0);
}
