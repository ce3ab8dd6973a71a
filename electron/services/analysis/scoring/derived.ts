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

function sumChannels(f: CustomerFeatures, list: readonly string[]): Uint32Array {
  const out = new Uint32Array(f.n);
  for (const channel of channels) {
    if (!list.includes(channel)) continue;
    const column = f.channelTx12[channel];
    for (let i = 0; i < f.n; i++) out[i]! += column[i]!;
  }
  return out;
}

function popcount(bits: number): number {
  let count = 0;
  for (let b = bits; b !== 0; b &= b - 1) count++;
  return count;
}

export function deriveMeasures(f: CustomerFeatures, model: ScoringModel): DerivedMeasures {
  const { n } = f;
  const transactions12 = new Uint32Array(n);
  for (let i = 0; i < n; i++) transactions12[i] = f.deposits12[i]! + f.withdrawals12[i]!;
  const totalTx12 = sumChannels(f, channels);
  const digitalTx12 = sumChannels(f, model.channel.digitalChannels);

  const channelShares = {} as Record<Channel, Float32Array>;
  const dominantChannel = new Uint8Array(n).fill(NO_CHANNEL);
  const best = new Uint32Array(n);
  channels.forEach((channel, c) => {
    const column = f.channelTx12[channel];
    const shares = new Float32Array(n);
    for (let i = 0; i < n; i++) {
      const count = column[i]!;
      if (count === 0) continue;
      shares[i] = count / totalTx12[i]!;
      if (count > best[i]!) {
        best[i] = count;
        dominantChannel[i] = c;
      }
    }
    channelShares[channel] = shares;
  });
  const digitalShare = new Float32Array(n);
  for (let i = 0; i < n; i++) if (totalTx12[i]! > 0) digitalShare[i] = digitalTx12[i]! / totalTx12[i]!;

  const ebanking = categoryBit('ebanking');
  const ebankingHeld = new Uint8Array(n);
  const breadth = new Uint8Array(n);
  const onTimeRatio = new Float64Array(n);
  const payrollHeld = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const bits = f.categoryBits[i]!;
    ebankingHeld[i] = (bits & ebanking) !== 0 ? 1 : 0;
    breadth[i] = popcount(bits);
    const due = f.repaymentsDue[i]!;
    onTimeRatio[i] = due === 0 ? 1 : Math.min(1, f.repaymentsOnTime[i]! / due);
    payrollHeld[i] = f.payroll[i] !== 0 ? 1 : 0;
  }
  return {
    transactions12,
    totalTx12,
    eChannelTx12: sumChannels(f, model.activity.eChannels),
    digitalTx12,
    channelShares,
    digitalShare,
    dominantChannel,
    ebankingHeld,
    onTimeRatio,
    breadth,
    payrollHeld,
  };
}
