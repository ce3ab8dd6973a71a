// The model settings screen's words in 简体中文 and English, kept beside the screen: it names many parameters
// that appear nowhere else.
import { useCallback } from 'react';
import type { ModelProblem } from '../../../electron/api/scoringModelTypes.js';
import { useI18n } from '../../app/i18n/i18n.js';

const zh = {
  title: '评分模型',
  intro: '调整五项评分的权重与分段点、综合价值权重、客户分层门槛、利差费率和一票否决规则。保存后生成新的模型版本。',
  version: '当前版本 {version}',
  standard: '标准模型',
  savedAt: '保存于 {time}',
  nextRun: '下一次分析运行将使用此模型；已有的运行保留各自的模型版本。',
  save: '保存为新版本',
  saving: '正在保存…',
  discard: '放弃修改',
  reset: '恢复标准模型',
  resetConfirm: '恢复标准模型？已保存的修改将被替换。',
  saved: '已保存：模型版本 {version}。下一次分析运行将使用它。',
  sameVersion: '参数未变，版本仍为 {version}。',
  resetDone: '已恢复标准模型（版本 {version}）。',
  notSaved: '未保存：{count} 个参数需要修改。',
  loading: '正在读取评分模型…',
  edited: '有未保存的修改',
  'section.composite': '综合价值权重',
  'section.compositeHint': '五项评分在综合价值中的相对权重；无信贷记录的客户不计信用分，其余权重按比例放大。',
  'section.contribution': '贡献度：利差与费率',
  'section.tiers': '客户分层门槛',
  'section.vetoes': '一票否决规则',
  'section.factors': '{score}：因子权重与分段点',
  'section.factorsHint': '权重按比例折算为满分 100；分段点把因子取值映射为 0–1 的达成度，点之间线性插值。',
  'contribution.depositMarginRate': '存款利差（%）',
  'contribution.loanMarginRate': '贷款利差（%）',
  'contribution.wealthFeeRate': '理财费率（%）',
  'contribution.feeIncomeWeight': '中间业务收入倍数',
  'tiers.vipMinComposite': '贵宾客户：综合价值不低于',
  'tiers.keyMinComposite': '重点客户：综合价值不低于',
  'tiers.potentialMinActivity': '潜力客户：活跃度不低于',
  'tiers.potentialMinChannel': '或渠道偏好（线上化）不低于',
  'veto.enabled': '启用',
  'veto.minOverdueFen': '逾期金额不低于（元）',
  'veto.minFrozenAccounts': '冻结账户数不少于',
  'veto.inactiveMonths': '无交易月数',
  'veto.withinDays': '投诉在最近天数内',
  'veto.minAge': '年龄低于',
  weight: '权重',
  maxPoints: '满分 {points}',
  ifMissing: '取值未知时的达成度',
  points: '分段点（取值 → 达成度）',
  value: '取值',
  degree: '达成度',
  addPoint: '添加分段点',
  removePoint: '删除此分段点',
  problems: '需要修改的参数',
  'problem.too_small': '不能小于 {limit}',
  'problem.too_big': '不能大于 {limit}',
  'problem.not_a_number': '请填写数字',
  'problem.not_whole': '请填写整数',
  'problem.not_increasing': '分段点的取值必须从小到大、不能重复',
  'problem.grade_order': '信用等级须按最低分从高到低排列',
  'problem.last_grade': '最后一个信用等级须从 0 分起',
  'problem.no_composite_weight': '至少一项综合价值权重须大于 0',
  'problem.tier_order': '贵宾客户门槛不能低于重点客户门槛',
  'problem.persona_keys': '画像标签代码不能重复',
  'problem.persona_term': '画像标签至少需要一个条件',
  'problem.unknown_parameter': '模型中没有这个参数',
} as const;

export type ModelTextKey = keyof typeof zh;

const en: Record<ModelTextKey, string> = {
  title: 'Scoring model',
  intro:
    'Weights and breakpoints of the five scores, the composite weights, tier thresholds, margins and veto rules. Saving makes a new model version.',
  version: 'Version {version}',
  standard: 'standard model',
  savedAt: 'saved {time}',
  nextRun: 'The next analysis run uses this model; earlier runs keep the model version they were made with.',
  save: 'Save as a new version',
  saving: 'Saving…',
  discard: 'Discard changes',
  reset: 'Back to the standard model',
  resetConfirm: 'Go back to the standard model? The saved changes are replaced.',
  saved: 'Saved: model version {version}. The next analysis run uses it.',
  sameVersion: 'No parameter changed; the version is still {version}.',
  resetDone: 'Back to the standard model (version {version}).',
  notSaved: 'Not saved: {count} parameter(s) need correcting.',
  loading: 'Reading the scoring model…',
  edited: 'Unsaved changes',
  'section.composite': 'Composite value weights',
  'section.compositeHint':
    'Relative weights of the five scores in the composite; for a customer with no credit history credit is left out and the rest rescaled.',
  'section.contribution': 'Contribution: margins and fee rates',
  'section.tiers': 'Tier thresholds',
  'section.vetoes': 'Veto rules',
  'section.factors': '{score}: factor weights and breakpoints',
  'section.factorsHint':
    'Weights are scaled to a total of 100 points; breakpoints map a value to a degree 0–1, linear in between.',
  'contribution.depositMarginRate': 'Deposit margin (%)',
  'contribution.loanMarginRate': 'Loan margin (%)',
  'contribution.wealthFeeRate': 'Wealth-management fee rate (%)',
  'contribution.feeIncomeWeight': 'Fee income multiplier',
  'tiers.vipMinComposite': 'VIP: composite at least',
  'tiers.keyMinComposite': 'Key: composite at least',
  'tiers.potentialMinActivity': 'Potential: activity at least',
  'tiers.potentialMinChannel': 'or digital adoption at least',
  'veto.enabled': 'On',
  'veto.minOverdueFen': 'Overdue amount at least (yuan)',
  'veto.minFrozenAccounts': 'Frozen accounts at least',
  'veto.inactiveMonths': 'Months without a transaction',
  'veto.withinDays': 'Complaint within the last days',
  'veto.minAge': 'Younger than',
  weight: 'Weight',
  maxPoints: 'up to {points} points',
  ifMissing: 'Degree when unknown',
  points: 'Breakpoints (value → degree)',
  value: 'Value',
  degree: 'Degree',
  addPoint: 'Add a breakpoint',
  removePoint: 'Remove this breakpoint',
  problems: 'Parameters to correct',
  'problem.too_small': 'must be at least {limit}',
  'problem.too_big': 'must be at most {limit}',
  'problem.not_a_number': 'enter a number',
  'problem.not_whole': 'enter a whole number',
  'problem.not_increasing': 'breakpoint values must increase from one to the next',
  'problem.grade_order': 'grades must go from the highest minimum score down',
  'problem.last_grade': 'the last grade must start at 0',
  'problem.no_composite_weight': 'at least one composite weight must be above 0',
  'problem.tier_order': 'the VIP threshold must not be below the key threshold',
  'problem.persona_keys': 'persona tag keys must be unique',
  'problem.persona_term': 'a persona tag needs at least one condition',
  'problem.unknown_parameter': 'not a parameter of the scoring model',
};

const tables = { zh, en } as const;

/** A problem in the reader's language; the service's English sentence for one it has no words for. */
export function problemText(t: ModelText, problem: ModelProblem): string {
  if (problem.code === 'invalid') return problem.message;
  return t(`problem.${problem.code}`, problem.limit === undefined ? undefined : { limit: problem.limit });
}

export type ModelText = (key: ModelTextKey, params?: Record<string, string | number>) => string;

export function useModelText(): ModelText {
  const { locale } = useI18n();
  return useCallback(
    (key, params) =>
      (tables[locale][key] as string).replace(/\{(\w+)\}/g, (whole, name: string) =>
        params?.[name] === undefined ? whole : String(params[name]),
      ),
    [locale],
  );
}
