// The files the import bench reads: a branch, its staff, N customers and `months` months of activity
// per customer, written as core banking exports them (docs/FORMATS.md), deterministically from a seed.
// Every row is valid, so that the import's work is the same as the sqlite3 shell's baseline: read,
// check and write every row. Written through a stream: a 24-million-row file never sits in memory.
import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';

export interface BenchFiles {
  branches: string;
  staff: string;
  customers: string;
  activity: string;
  customerRows: number;
  activityRows: number;
  /** The branch and its managers. */
  branchAndStaffRows: number;
}

const surnames = [
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任',
];
const given = [...'伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华红建国志文玉梅海波晶琼'];
const towns = ['城关镇', '双河镇', '桃源乡', '青石镇', '柳林乡', '白马镇', '龙泉乡', '新华镇'];
const occupations = ['farmer', 'farmer', 'farmer', 'business', 'salaried', 'salaried', 'retired', 'student', 'other'];
const channels = ['branch', 'atm_pos', 'internet', 'mobile', 'phone', 'agent'];
const idWeights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const managers = 40;

/** A small, fast, seeded generator (mulberry32): the same seed writes the same bytes. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pad = (value: number, width: number) => String(value).padStart(width, '0');

function residentId(birth: string, sequence: number, female: boolean): string {
  const order = (sequence % 500) * 2 + (female ? 0 : 1);
  const first17 = `341322${birth.replaceAll('-', '')}${pad(order, 3)}`;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * idWeights[i]!;
  return first17 + '10X98765432'[sum % 11]!;
}

async function write(stream: WriteStream, text: string): Promise<void> {
  if (!stream.write(text)) await once(stream, 'drain');
}

async function close(stream: WriteStream): Promise<void> {
  stream.end();
  await once(stream, 'finish');
}

export function benchCustomerId(index: number): string {
  return `03413${pad(index + 1, 8)}`;
}

async function writeCustomers(path: string, customers: number, seed: number): Promise<void> {
  const next = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const stream = createWriteStream(path);
  await write(
    stream,
    'customer_id,branch_id,name,gender,birth_date,id_number,phone,occupation,area_type,town,village,address,' +
      'customer_since,manager_id,consent_marketing,consent_sms,consent_phone,consent_visit,consent_app,do_not_contact\n',
  );
  let chunk = '';
  for (let i = 0; i < customers; i++) {
    const female = next() < 0.5;
    const birth = `${1940 + Math.floor(next() * 66)}-${pad(1 + Math.floor(next() * 12), 2)}-${pad(1 + Math.floor(next() * 28), 2)}`;
    const town = pick(towns);
    const rural = next() < 0.65;
    const village = rural ? `${town.slice(0, 2)}${pick(['东', '西', '南', '北', '中'])}村` : '';
    const since = `${2000 + Math.floor(next() * 26)}-${pad(1 + Math.floor(next() * 12), 2)}-${pad(1 + Math.floor(next() * 28), 2)}`;
    const consent = next() < 0.7 ? 1 : 0;
    chunk +=
      `${benchCustomerId(i)},3413,${pick(surnames)}${pick(given)}${next() < 0.6 ? pick(given) : ''},${female ? 'F' : 'M'},` +
      `${birth},${residentId(birth, i, female)},1${pick(['3', '5', '7', '8', '9'])}${pad(Math.floor(next() * 1e9), 9)},` +
      `${pick(occupations)},${rural ? 'rural' : 'urban'},${town},${village},${town}${village}${1 + Math.floor(next() * 300)}号,` +
      `${since},R${pad(1 + (i % managers), 3)},${consent},${consent},${consent && next() < 0.8 ? 1 : 0},${consent},` +
      `${consent && next() < 0.5 ? 1 : 0},${next() < 0.01 ? 1 : 0}\n`;
    if (chunk.length > 1 << 16) {
      await write(stream, chunk);
      chunk = '';
    }
  }
  await write(stream, chunk);
  await close(stream);
}

/** One row per customer and month, on the customer's habitual channel, months ending last month. */
async function writeActivity(path: string, customers: number, months: number, seed: number): Promise<number> {
  const next = random(seed ^ 0x5bd1e995);
  const stream = createWriteStream(path);
  await write(
    stream,
    'customer_id,month,channel,deposit_count,withdrawal_count,card_swipes,amount,avg_balance,fee_income\n',
  );
  const labels: string[] = [];
  for (let m = months; m >= 1; m--) {
    const at = new Date(Date.UTC(2026, 10 - m, 1));
    labels.push(`${at.getUTCFullYear()}-${pad(at.getUTCMonth() + 1, 2)}`);
  }
  let chunk = '';
  for (let i = 0; i < customers; i++) {
    const id = benchCustomerId(i);
    const channel = channels[Math.floor(next() * channels.length)]!;
    const balance = Math.floor(next() * 50_000_000);
    for (const month of labels) {
      const deposits = Math.floor(next() * 6);
      chunk +=
        `${id},${month},${channel},${deposits},${Math.floor(next() * 6)},${Math.floor(next() * 12)},` +
        `${Math.floor(next() * 1_000_000) / 100},${(balance / 100).toFixed(2)},${deposits > 3 ? '2.00' : '0.00'}\n`;
    }
    if (chunk.length > 1 << 16) {
      await write(stream, chunk);
      chunk = '';
    }
  }
  await write(stream, chunk);
  await close(stream);
  return customers * months;
}

export async function writeBenchFiles(
  dir: string,
  customers: number,
  months: number,
  seed: number,
): Promise<BenchFiles> {
  const files = {
    branches: join(dir, 'branches.csv'),
    staff: join(dir, 'staff.csv'),
    customers: join(dir, 'customers.csv'),
    activity: join(dir, 'activity.csv'),
  };
  const branch = createWriteStream(files.branches);
  await write(branch, 'branch_id,name,region\n3413,青山县农商银行城关支行,青山县\n');
  await close(branch);
  const staff = createWriteStream(files.staff);
  let staffRows = 'staff_id,branch_id,name,role,phone\n';
  for (let m = 1; m <= managers; m++) staffRows += `R${pad(m, 3)},3413,客户经理${m},rm,\n`;
  await write(staff, staffRows);
  await close(staff);
  await writeCustomers(files.customers, customers, seed);
  const activityRows = await writeActivity(files.activity, customers, months, seed);
  return { ...files, customerRows: customers, activityRows, branchAndStaffRows: 1 + managers };
}
