// How a banker says that a segment stands out on a feature, above or below the branch's average.
import type { Label } from '../../../api/analysisTypes.js';
import type { SegmentFeatureKey } from './segmentFeatures.js';

export const traitPhrases: Record<SegmentFeatureKey, { high: Label; low: Label }> = {
  deposits: { high: { zh: '存款大户', en: 'large deposits' }, low: { zh: '存款少', en: 'small deposits' } },
  loans: { high: { zh: '贷款客户', en: 'borrowers' }, low: { zh: '无贷款', en: 'no loans' } },
  wealth: { high: { zh: '理财客户', en: 'wealth holders' }, low: { zh: '无理财', en: 'no wealth products' } },
  transactions: { high: { zh: '交易活跃', en: 'very active' }, low: { zh: '交易少', en: 'few transactions' } },
  digitalShare: { high: { zh: '数字化', en: 'digital' }, low: { zh: '低数字化', en: 'low digital' } },
  branchShare: { high: { zh: '网点忠诚', en: 'branch-loyal' }, low: { zh: '少到网点', en: 'rarely at the branch' } },
  selfServiceShare: {
    high: { zh: '自助设备为主', en: 'ATM & POS users' },
    low: { zh: '少用自助设备', en: 'rarely at ATM & POS' },
  },
  agentShare: {
    high: { zh: '助农点为主', en: 'agent-terminal users' },
    low: { zh: '少用助农点', en: 'rarely at agent terminals' },
  },
  tenure: { high: { zh: '老客户', en: 'long-standing' }, low: { zh: '新客户', en: 'new to the bank' } },
  age: { high: { zh: '年长', en: 'older' }, low: { zh: '年轻', en: 'young' } },
  breadth: { high: { zh: '多产品', en: 'many products' }, low: { zh: '产品单一', en: 'few products' } },
};

/** A segment that stands out on nothing. */
export const mainstreamName: Label = { zh: '大众客户', en: 'mainstream customers' };

export const nameSeparator = ' · ';

export function traitLabel(feature: SegmentFeatureKey, z: number): Label {
  return z >= 0 ? traitPhrases[feature].high : traitPhrases[feature].low;
}
