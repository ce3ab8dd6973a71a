// The items a customer's basket can hold, numbered for the miner: traits first (score bands, dominant channel,
// area, age band, occupation, tier), then one item per product of the catalogue. Keys such as
// `contribution:high` or `product:D04` are what the stored rules name; labels are what the screens show.
import type { Label } from '../../../api/analysisTypes.js';
import type { ItemFamily, TraitFamily } from '../../../api/associationTypes.js';
import { ageBands, type AgeBand } from '../../../api/contract.js';
import { channels, occupations, scoreKeys, tierLabels, tierNames, type ScoreKey } from '../scoring/index.js';

export const scoreBands = ['low', 'mid', 'high'] as const;
/** A score below the first limit is low, from the second on high (scores run 0–100). */
export const scoreBandLimits = [40, 70] as const;

/** Item family of each score's bands; the channel score is named apart from the dominant channel. */
const scoreFamily: Record<ScoreKey, TraitFamily> = {
  contribution: 'contribution',
  activity: 'activity',
  channel: 'channelScore',
  credit: 'credit',
  loyalty: 'loyalty',
};

const familyLabels: Record<TraitFamily, Label> = {
  contribution: { zh: '贡献度', en: 'Contribution' },
  activity: { zh: '活跃度', en: 'Activity' },
  channelScore: { zh: '渠道偏好', en: 'Channel score' },
  credit: { zh: '信用', en: 'Credit' },
  loyalty: { zh: '忠诚度', en: 'Loyalty' },
  channel: { zh: '主渠道', en: 'Main channel' },
  area: { zh: '地区', en: 'Area' },
  age: { zh: '年龄', en: 'Age' },
  occupation: { zh: '职业', en: 'Occupation' },
  tier: { zh: '客户层级', en: 'Tier' },
};

const bandLabels: Record<(typeof scoreBands)[number], Label> = {
  low: { zh: '低', en: 'low' },
  mid: { zh: '中', en: 'mid' },
  high: { zh: '高', en: 'high' },
};

const channelLabels: Record<(typeof channels)[number], Label> = {
  branch: { zh: '柜面', en: 'branch counter' },
  atm_pos: { zh: '自助设备/POS', en: 'ATM/POS' },
  internet: { zh: '网上银行', en: 'internet' },
  mobile: { zh: '手机银行', en: 'mobile' },
  phone: { zh: '电话银行', en: 'phone' },
  agent: { zh: '助农取款点', en: 'rural agent' },
};

const ageLabels: Record<AgeBand, Label> = {
  under18: { zh: '18 岁以下', en: 'under 18' },
  '18to30': { zh: '18–30 岁', en: '18–30' },
  '31to45': { zh: '31–45 岁', en: '31–45' },
  '46to60': { zh: '46–60 岁', en: '46–60' },
  over60: { zh: '60 岁以上', en: 'over 60' },
};

const occupationLabels: Record<(typeof occupations)[number], Label> = {
  farmer: { zh: '农户', en: 'farmer' },
  business: { zh: '个体工商户', en: 'business owner' },
  salaried: { zh: '工薪', en: 'salaried' },
  retired: { zh: '退休', en: 'retired' },
  student: { zh: '学生', en: 'student' },
  other: { zh: '其他职业', en: 'other occupation' },
};

export interface VocabularyItem {
  key: string;
  family: ItemFamily;
  label: Label;
  /** Place within an ordinal family (score bands, age bands), -1 for the others. */
  level: number;
}

export interface CatalogueProduct {
  productId: string;
  name: string;
  nameEn: string | null;
}

export interface Vocabulary {
  items: VocabularyItem[];
  /** Items below this id are traits, from it on products. */
  firstProduct: number;
  /** Item of band b of score s: scoreItem[s * 3 + b]. */
  scoreItem: Int32Array;
  /** Credit with no credit history (no loans ever), which is not a credit band. */
  noCreditItem: number;
  channelItem: Int32Array;
  /** Indexed by AREA_URBAN / AREA_RURAL. */
  areaItem: Int32Array;
  /** Indexed by place in ageBands. */
  ageItem: Int32Array;
  occupationItem: Int32Array;
  tierItem: Int32Array;
  productItem: Map<string, number>;
  /** Families whose items are ordered bands, with their items from lowest to highest. */
  ordinal: { family: TraitFamily; label: Label; items: number[] }[];
}

function joined(family: TraitFamily, part: Label): Label {
  const head = familyLabels[family];
  return { zh: `${head.zh}${part.zh}`, en: `${head.en} ${part.en}` };
}

export function buildVocabulary(products: readonly CatalogueProduct[]): Vocabulary {
  const items: VocabularyItem[] = [];
  const add = (key: string, family: ItemFamily, label: Label, level = -1) =>
    items.push({ key, family, label, level }) - 1;
  const ordinal: Vocabulary['ordinal'] = [];

  const scoreItem = new Int32Array(scoreKeys.length * scoreBands.length);
  scoreKeys.forEach((score, s) => {
    const family = scoreFamily[score];
    const bandItems = scoreBands.map((band, b) => {
      const id = add(`${family}:${band}`, family, joined(family, bandLabels[band]), b);
      scoreItem[s * scoreBands.length + b] = id;
      return id;
    });
    ordinal.push({ family, label: familyLabels[family], items: bandItems });
  });
  const noCreditItem = add('credit:none', 'credit', { zh: '无信贷记录', en: 'No credit history' });
  const channelItem = Int32Array.from(channels, (c) =>
    add(`channel:${c}`, 'channel', joined('channel', channelLabels[c])),
  );
  const areaItem = Int32Array.of(
    add('area:urban', 'area', { zh: '城镇', en: 'Urban' }),
    add('area:rural', 'area', { zh: '农村', en: 'Rural' }),
  );
  const ageItem = Int32Array.from(ageBands, (band, b) => add(`age:${band}`, 'age', joined('age', ageLabels[band]), b));
  ordinal.push({ family: 'age', label: familyLabels.age, items: Array.from(ageItem) });
  const occupationItem = Int32Array.from(occupations, (o) =>
    add(`occupation:${o}`, 'occupation', { zh: occupationLabels[o].zh, en: capitalized(occupationLabels[o].en) }),
  );
  const tierItem = Int32Array.from(tierNames, (t) => add(`tier:${t}`, 'tier', tierLabels[t]));

  const firstProduct = items.length;
  const productItem = new Map<string, number>();
  for (const product of products) {
    productItem.set(
      product.productId,
      add(`product:${product.productId}`, 'product', { zh: product.name, en: product.nameEn ?? product.name }),
    );
  }
  return {
    items,
    firstProduct,
    scoreItem,
    noCreditItem,
    channelItem,
    areaItem,
    ageItem,
    occupationItem,
    tierItem,
    productItem,
    ordinal,
  };
}

function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * Band of a 0–100 score: 0 low, 1 mid, 2 high. The score is taken as stored and shown (to the hundredth), so
 * a customer whose card says 40.00 is never in the low band.
 */
export function scoreBand(score: number): number {
  const shown = Math.round(score * 100) / 100;
  return shown < scoreBandLimits[0] ? 0 : shown < scoreBandLimits[1] ? 1 : 2;
}

/** Place in ageBands of an age in whole years, as the customer list's age filter bands it. */
export function ageBandIndex(age: number): number {
  return age <= 17 ? 0 : age <= 30 ? 1 : age <= 45 ? 2 : age <= 60 ? 3 : 4;
}
