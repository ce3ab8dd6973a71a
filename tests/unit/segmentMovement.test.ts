// The movement matrix: customers counted from their previous segment to their current one, those who
// arrived since and those who left, merged over customer numbers fed in chunks.
import { describe, expect, test } from 'vitest';
import { MovementCounter } from '../../electron/services/analysis/segments/movement.js';

describe('movement between runs', () => {
  test('counts moves, arrivals and departures, whatever the chunks', () => {
    const currentIds = ['001', '002', '004', '005', '006', '009'];
    const currentSegments = [0, 1, 1, 0, 2, 2];
    const previous: [string, number | null][] = [
      ['001', 0], // stays in 0
      ['002', 0], // 0 → 1
      ['003', 1], // left
      ['004', 1], // stays in 1
      ['005', null], // not segmented then: new to segment 0
      ['007', 0], // left
      ['008', 1], // left
    ];
    // 006 and 009 arrived.
    for (const cut of [0, 1, 3, 7]) {
      const counter = new MovementCounter(currentIds, currentSegments, 2, 3);
      for (const part of [previous.slice(0, cut), previous.slice(cut)]) {
        counter.add(
          part.map((r) => r[0]),
          part.map((r) => r[1]),
        );
      }
      expect(counter.finish()).toEqual({
        counts: [
          [1, 1, 0],
          [0, 1, 0],
        ],
        newCustomers: [1, 0, 2],
        leftCustomers: [1, 2],
      });
    }
  });

  test('the same customers in the same segments: everything on the diagonal', () => {
    const ids = Array.from({ length: 100 }, (_, i) => String(i).padStart(5, '0'));
    const segments = ids.map((_, i) => i % 4);
    const counter = new MovementCounter(ids, segments, 4, 4);
    counter.add(ids, segments);
    const { counts, newCustomers, leftCustomers } = counter.finish();
    expect(counts).toEqual([0, 1, 2, 3].map((p) => [0, 1, 2, 3].map((c) => (p === c ? 25 : 0))));
    expect(newCustomers).toEqual([0, 0, 0, 0]);
    expect(leftCustomers).toEqual([0, 0, 0, 0]);
  });
});
