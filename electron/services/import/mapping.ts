// Matches a file's header to the fields of an import kind: by the documented names, by the Chinese
// names core-banking exports often use, or by a mapping the user saved as a profile.
import { basename } from 'node:path';
import { importKinds, kindSpecs, type ImportKind, type KindSpec } from './kinds.js';

/** field → header name as it appears in the file. */
export type ColumnMapping = Record<string, string>;

const aliases: Record<string, string[]> = {
  branch_id: ['网点号', '机构号', '机构代码'],
  staff_id: ['员工号', '柜员号', '工号'],
  customer_id: ['客户号', '客户编号', '客户代码'],
  name: ['姓名', '客户名称', '名称', '产品名称', '员工姓名'],
  gender: ['性别'],
  birth_date: ['出生日期'],
  id_number: ['身份证号', '身份证号码', '证件号码'],
  phone: ['手机号', '手机号码', '联系电话'],
  occupation: ['职业'],
  area_type: ['城乡', '城乡类型', '区域类型'],
  town: ['乡镇', '镇'],
  village: ['村', '社区', '村社区', '村/社区'],
  address: ['地址', '住址'],
  customer_since: ['建档日期', '开户日期', '入户日期'],
  manager_id: ['客户经理', '客户经理号', '管户经理'],
  account_id: ['账号', '账户号'],
  product_id: ['产品代码', '产品编号', '产品号'],
  category: ['产品类别', '类别', '投诉类别'],
  opened_on: ['开立日期', '开户日'],
  closed_on: ['销户日期'],
  status: ['状态', '账户状态', '贷款状态'],
  balance: ['余额', '账户余额', '贷款余额'],
  month: ['月份', '统计月份'],
  channel: ['渠道', '投诉渠道', '受理渠道'],
  amount: ['交易金额', '金额'],
  loan_id: ['贷款号', '借据号'],
  principal: ['本金', '贷款本金', '发放金额'],
  rate: ['利率', '年利率'],
  start_date: ['发放日期', '起息日'],
  maturity_date: ['到期日期', '到期日'],
  classification: ['五级分类', '风险分类'],
  due_date: ['应还日期'],
  due_amount: ['应还金额'],
  paid_date: ['实还日期'],
  paid_amount: ['实还金额'],
  days_past_due: ['逾期天数'],
  role: ['岗位', '角色'],
  region: ['地区'],
  listed_on: ['列入日期', '列黑日期', '黑名单日期'],
  reason: ['原因', '列入原因', '黑名单原因'],
  source: ['来源', '信息来源', '列入机构'],
  lifted_on: ['解除日期', '移出日期'],
  complaint_id: ['投诉编号', '投诉单号', '工单号'],
  received_on: ['受理日期', '投诉日期'],
  summary: ['投诉内容', '摘要', '内容摘要'],
  resolved_on: ['办结日期', '解决日期', '处理完成日期'],
};

function normalise(header: string): string {
  return header
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
}

/** The documented mapping for `spec`: each field to the header that names it, where one does. */
export function defaultMapping(spec: KindSpec, header: readonly string[]): ColumnMapping {
  const byName = new Map(header.map((h) => [normalise(h), h]));
  const mapping: ColumnMapping = {};
  for (const { field } of spec.fields) {
    const direct = byName.get(field);
    const alias = (aliases[field] ?? []).map((a) => byName.get(normalise(a))).find((h) => h !== undefined);
    const found = direct ?? alias;
    if (found !== undefined) mapping[field] = found;
  }
  return mapping;
}

export function missingRequired(spec: KindSpec, mapping: ColumnMapping, header: readonly string[]): string[] {
  const present = new Set(header);
  return spec.fields.filter((f) => f.required && !present.has(mapping[f.field] ?? '\0')).map((f) => f.field);
}

/** The kind whose fields the header matches best; the file name breaks ties ("loans.csv"). */
export function guessKind(header: readonly string[], path: string): ImportKind | null {
  const name = basename(path).toLowerCase();
  let best: { kind: ImportKind; score: number } | null = null;
  for (const kind of importKinds) {
    const spec = kindSpecs[kind];
    const mapping = defaultMapping(spec, header);
    if (missingRequired(spec, mapping, header).length > 0) continue;
    const matched = Object.keys(mapping).length;
    const score = matched / spec.fields.length + (name.includes(kind) ? 0.5 : 0) - (header.length - matched) * 0.01;
    if (!best || score > best.score) best = { kind, score };
  }
  return best?.kind ?? null;
}

/** Header positions of the mapped fields; -1 where a field is not in the file. */
export function fieldPositions(spec: KindSpec, mapping: ColumnMapping, header: readonly string[]): number[] {
  return spec.fields.map((f) => {
    const name = mapping[f.field];
    return name === undefined ? -1 : header.indexOf(name);
  });
}
