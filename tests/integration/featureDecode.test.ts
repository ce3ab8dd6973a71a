// The customer's own columns as the feature load decodes them (dates as numbers, the occupation and area as
// codes) against the same quantities worked out here from the stored text with calendar arithmetic, including the
// edges: no birth date, a birthday on the as-of day or the day after, a 29 February, a start on the 31st.
import { describe, expect, test } from 'vitest';
import { openDatabase } from '../../db/connection.js';
import { idleJob } from '../../electron/services/context.js';
import { loadFeatures } from '../../electron/services/analysis/loadFeatures.js';
import { AREA_RURAL, AREA_URBAN, occupations } from '../../electron/services/analysis/scoring/index.js';
import { demoTemplate } from '../helpers/demoDatabase.js';

const demo = demoTemplate({ customers: 600, seed: 5, activityMonths: 14 });
const dayMs = 86_400_000;

function parts(iso: string): [number, number, number] {
  const [y, m, d] = iso.split('-').map(Number);
  return [y!, m!, d ?? 1];
}

function yearsBetween(from: string, to: string): number {
  const [fy, fm, fd] = parts(from);
  const [ty, tm, td] = parts(to);
  const beforeBirthday = tm < fm || (tm === fm && td < fd);
  return ty - fy - (beforeBirthday ? 1 : 0);
}

function monthsBetween(from: string, to: string): number {
  const [fy, fm, fd] = parts(from);
  const [ty, tm, td] = parts(to);
  return Math.max(0, (ty - fy) * 12 + (tm - fm) - (td < fd ? 1 : 0));
}

function daysAfterMonth(month: string, to: string): number {
  const [y, m] = parts(month);
  const lastDay = new Date(Date.UTC(y, m, 0));
  const [ty, tm, td] = parts(to);
  return Math.max(0, Math.round((Date.UTC(ty, tm - 1, td) - lastDay.getTime()) / dayMs));
}

describe('feature decoding', () => {
  test("a customer's age, tenure, occupation, area and days since the last transaction", async () => {
    const db = openDatabase(demo.copy().databaseFile);
    try {
      // A month of 30 days: a customer since the 31st has one month less.
      db.prepare(`UPDATE feature_state SET as_of_month = '2026-09'`).run();
      const asOfDate = (await loadFeatures(db, idleJob, () => {})).windows.asOfDate;
      expect(asOfDate).toBe('2026-09-30');
      const ids = db
        .prepare('SELECT customer_id FROM customers ORDER BY customer_id LIMIT 6')
        .pluck()
        .all() as string[];
      const [, m, d] = parts(asOfDate);
      const md = `${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
      const setBirth = db.prepare('UPDATE customers SET birth_date = ? WHERE customer_id = ?');
      setBirth.run(null, ids[0]);
      setBirth.run(`1980-${md}`, ids[1]);
      setBirth.run(new Date(Date.parse(`1980-${md}`) + dayMs).toISOString().slice(0, 10), ids[2]);
      setBirth.run('1964-02-29', ids[3]);
      db.prepare(`UPDATE customers SET customer_since = '2019-01-31' WHERE customer_id = ?`).run(ids[4]);
      db.prepare(`UPDATE customers SET customer_since = ? WHERE customer_id = ?`).run(asOfDate, ids[5]);

      const loaded = await loadFeatures(db, idleJob, () => {});
      const f = loaded.features;
      const rows = db
        .prepare(
          `SELECT c.customer_id, c.birth_date, c.occupation, c.area_type, c.customer_since, f.last_active_month
           FROM customers c LEFT JOIN customer_features f ON f.customer_id = c.customer_id ORDER BY c.customer_id`,
        )
        .all() as {
        customer_id: string;
        birth_date: string | null;
        occupation: string;
        area_type: string;
        customer_since: string;
        last_active_month: string | null;
      }[];
      expect(rows.length).toBe(f.n);
      let withActivity = 0;
      rows.forEach((row, i) => {
        const at = `${row.customer_id} (row ${i})`;
        expect(loaded.ids[i]).toBe(row.customer_id);
        if (row.birth_date === null) expect(f.age[i], at).toBeNaN();
        else expect(f.age[i], at).toBe(yearsBetween(row.birth_date, asOfDate));
        expect(f.tenureMonths[i], at).toBe(monthsBetween(row.customer_since, asOfDate));
        expect(occupations[f.occupation[i]!], at).toBe(row.occupation);
        expect(f.area[i], at).toBe(row.area_type === 'rural' ? AREA_RURAL : AREA_URBAN);
        if (row.last_active_month === null) expect(f.daysSinceLastTx[i], at).toBeNaN();
        else {
          withActivity++;
          expect(f.daysSinceLastTx[i], at).toBe(daysAfterMonth(row.last_active_month, asOfDate));
        }
      });
      expect(withActivity).toBeGreaterThan(rows.length / 2);
      expect(f.age[1]).toBe(yearsBetween(`1980-${md}`, asOfDate));
      expect(f.age[2]).toBe(f.age[1]! - 1);
      expect(f.tenureMonths[4]).toBe(91);
      expect(f.tenureMonths[5]).toBe(0);
    } finally {
      db.close();
    }
  });
});
