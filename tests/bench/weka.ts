// Weka's FPGrowth as the reference miner: writes baskets as a sparse ARFF of binary attributes, runs the
// helper WekaFrequentItemsets.java (compiled here with javac) and reads back every itemset and rule.
import { execFileSync, spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface WekaResult {
  /** Time inside FPGrowth.buildAssociations (itemsets and rules), and of the whole java process. */
  seconds: number;
  processSeconds: number;
  baskets: number;
  /** Sorted item names joined by commas → count. */
  itemsets: Map<string, number>;
  /** "antecedent => consequent" (sorted names) → [count, antecedent count, consequent count]. */
  rules: Map<string, [number, number, number]>;
}

const wekaJar = process.env.WEKA_JAR ?? '/usr/share/java/weka.jar';
const helperSource = fileURLToPath(new URL('../../../tests/bench/weka/WekaFrequentItemsets.java', import.meta.url));

/** Why Weka cannot run here, or null when java, javac and weka.jar are all present. */
export function wekaMissing(): string | null {
  if (!existsSync(wekaJar)) return `${wekaJar} is missing: apt-get install weka (or set WEKA_JAR)`;
  for (const tool of ['java', 'javac']) {
    try {
      execFileSync(tool, ['-version'], { stdio: 'ignore' });
    } catch {
      return `${tool} is not on PATH: apt-get install weka default-jdk-headless`;
    }
  }
  return null;
}

/** Attributes in the order of `names`; each basket one sparse instance listing the items it holds. */
export async function writeArff(path: string, names: readonly string[], baskets: readonly number[][]): Promise<void> {
  const out = createWriteStream(path);
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, 'drain');
  };
  await write('@relation baskets\n\n');
  for (const name of names) await write(`@attribute '${name.replaceAll("'", "\\'")}' {0,1}\n`);
  await write('\n@data\n');
  let chunk = '';
  for (const basket of baskets) {
    const ids = [...new Set(basket)].sort((a, b) => a - b);
    chunk += `{${ids.map((id) => `${id} 1`).join(',')}}\n`;
    if (chunk.length > 1 << 16) {
      await write(chunk);
      chunk = '';
    }
  }
  await write(chunk);
  out.end();
  await once(out, 'finish');
}

function sortedNames(field: string): string {
  return field === '' ? '' : field.split(',').sort().join(',');
}

export async function runWeka(
  arffFile: string,
  workDir: string,
  options: { minSupport: number; minConfidence: number; maxLength?: number; heap?: string },
): Promise<WekaResult> {
  const classes = join(workDir, 'weka-classes');
  mkdirSync(classes, { recursive: true });
  execFileSync('javac', ['-cp', wekaJar, '-d', classes, helperSource], { stdio: 'inherit' });
  const outFile = join(workDir, 'weka-output.tsv');
  const started = performance.now();
  const child = spawn(
    'java',
    [
      `-Xmx${options.heap ?? '8g'}`,
      '-cp',
      `${wekaJar}:${classes}`,
      'WekaFrequentItemsets',
      arffFile,
      String(options.minSupport),
      String(options.minConfidence),
      String(options.maxLength ?? -1),
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const out = createWriteStream(outFile);
  child.stdout.pipe(out);
  const [code] = (await once(child, 'close')) as [number | null];
  const processSeconds = (performance.now() - started) / 1000;
  if (code !== 0) throw new Error(`Weka's FPGrowth failed with exit code ${code}`);
  if (!out.writableFinished) await once(out, 'finish');

  const result: WekaResult = { seconds: 0, processSeconds, baskets: 0, itemsets: new Map(), rules: new Map() };
  for (const line of readFileSync(outFile, 'utf8').split('\n')) {
    const fields = line.split('\t');
    switch (fields[0]) {
      case 'seconds':
        result.seconds = Number(fields[1]);
        break;
      case 'baskets':
        result.baskets = Number(fields[1]);
        break;
      case 'itemset':
        result.itemsets.set(sortedNames(fields[2]!), Number(fields[1]));
        break;
      case 'rule':
        result.rules.set(`${sortedNames(fields[4]!)} => ${sortedNames(fields[5]!)}`, [
          Number(fields[1]),
          Number(fields[2]),
          Number(fields[3]),
        ]);
        break;
      default:
        if (line !== '') throw new Error(`unexpected line in Weka's output: ${line.slice(0, 80)}`);
    }
  }
  return result;
}
