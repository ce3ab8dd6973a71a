// Calendar helpers on ISO-8601 date text.

const dayMs = 86_400_000;
let today = '';
let todayEnds = 0;

/** Today's date (UTC), ISO; validation asks for it per value, so it is worked out once a day. */
export function todayIso(now?: Date): string {
  if (now !== undefined) return now.toISOString().slice(0, 10);
  const ms = Date.now();
  if (ms >= todayEnds || ms < todayEnds - dayMs) {
    today = new Date(ms).toISOString().slice(0, 10);
    todayEnds = (Math.floor(ms / dayMs) + 1) * dayMs;
  }
  return today;
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
