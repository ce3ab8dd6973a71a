// Measures derived from the feature table once per run and shared by the scores, their explanations and the
// persona signals: transaction totals, channel shares, the dominant channel, ratios and counts of held categories.
import type { Channel, CustomerFeatures } from './features.js';
import { categoryBit, channels } from './features.js';
import type { ScoringModel } from './model.js';

/** `dominantChannel` of a customer with no transaction at all. */
export const NO_CHANNEL = 255;

export interface DerivedMeasures {
  /** Deposits + withdrawals of the last 12 months. */
  transactions12: Uint32Array;
  /** Transactions over all channels. */
  totalTx12: Uint32Array;
  /** Transactions on the model's e-channels (activity) and on its digital channels (channel preference). */
  eChannelTx12: Uint32Array;
  digitalTx12: Uint32Array;
  /** Share of each channel in totalTx12, 0–1 (all 0 when there is no transaction). */
  channelShares: Record<Channel, Float32Array>;
  digitalShare: Float32Array;
  /** Index into channels of the channel with the largest share (the first on a tie), or NO_CHANNEL. */
  dominantChannel: Uint8Array;
  /** 1 when the customer holds an e-banking product. */
  ebankingHeld: Uint8Array;
  /** Instalments paid on time / instalments due; 1 when none is due yet (nothing missed). */
  onTimeRatio: Float64Array;
  /** Distinct product categories held. */
  breadth: Uint8Array;
  /** 1 when an open payroll or pension account is held. */
  payrollHeld: Uint8Array;
}

function popcount(bits: number): number {
  let count = 0;
  for (let b = bits; b !== 0; b &= b - 1) count++;
  return count;
}

/** 1 for each channel (in the order of channels) that is in the list, else 0. */
const membership = (list: readonly string[]) => channels.map((c) => (list.includes(c) ? 1 : 0));

// One pass over the customers with the six channel columns in locals: a pass per measure took ten times longer.
export function deriveMeasures(f: CustomerFeatures, model: ScoringModel): DerivedMeasures {
  const { n } = f;
  const [b, a, w, m, p, g] = channels.map((c) => f.channelTx12[c]) as [
    Uint32Array,
    Uint32Array,
    Uint32Array,
    Uint32Array,
    Uint32Array,
    Uint32Array,
  ];
  const [eb, ea, ew, em, ep, eg] = membership(model.activity.eChannels) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const [db, da, dw, dm, dp, dg] = membership(model.channel.digitalChannels) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const sb = new Float32Array(n);
  const sa = new Float32Array(n);
  const sw = new Float32Array(n);
  const sm = new Float32Array(n);
  const sp = new Float32Array(n);
  const sg = new Float32Array(n);
  const d = {
    transactions12: new Uint32Array(n),
    totalTx12: new Uint32Array(n),
    eChannelTx12: new Uint32Array(n),
    digitalTx12: new Uint32Array(n),
    channelShares: { branch: sb, atm_pos: sa, internet: sw, mobile: sm, phone: sp, agent: sg },
    digitalShare: new Float32Array(n),
    dominantChannel: new Uint8Array(n),
    ebankingHeld: new Uint8Array(n),
    onTimeRatio: new Float64Array(n),
    breadth: new Uint8Array(n),
    payrollHeld: new Uint8Array(n),
  } satisfies DerivedMeasures;
  const ebanking = categoryBit('ebanking');
  for (let i = 0; i < n; i++) {
    d.transactions12[i] = f.deposits12[i]! + f.withdrawals12[i]!;
    const cb = b[i]!;
    const ca = a[i]!;
    const cw = w[i]!;
    const cm = m[i]!;
    const cp = p[i]!;
    const cg = g[i]!;
    const total = cb + ca + cw + cm + cp + cg;
    const digital = db * cb + da * ca + dw * cw + dm * cm + dp * cp + dg * cg;
    d.totalTx12[i] = total;
    d.eChannelTx12[i] = eb * cb + ea * ca + ew * cw + em * cm + ep * cp + eg * cg;
    d.digitalTx12[i] = digital;
    if (total > 0) {
      sb[i] = cb / total;
      sa[i] = ca / total;
      sw[i] = cw / total;
      sm[i] = cm / total;
      sp[i] = cp / total;
      sg[i] = cg / total;
      d.digitalShare[i] = digital / total;
      // The largest count; the first channel in the list wins a tie.
      let best = 0;
      let top = cb;
      if (ca > top) {
        best = 1;
        top = ca;
      }
      if (cw > top) {
        best = 2;
        top = cw;
      }
      if (cm > top) {
        best = 3;
        top = cm;
      }
      if (cp > top) {
        best = 4;
        top = cp;
      }
      if (cg > top) best = 5;
      d.dominantChannel[i] = best;
    } else {
      d.dominantChannel[i] = NO_CHANNEL;
    }
    const bits = f.categoryBits[i]!;
    d.ebankingHeld[i] = (bits & ebanking) !== 0 ? 1 : 0;
    d.breadth[i] = popcount(bits);
    const due = f.repaymentsDue[i]!;
    d.onTimeRatio[i] = due === 0 ? 1 : Math.min(1, f.repaymentsOnTime[i]! / due);
    d.payrollHeld[i] = f.payroll[i] !== 0 ? 1 : 0;
  }
  return d;
}
