// `demo.install`: the first start's demo branch, written as core-banking CSV exports into the data
// folder and loaded through the real import — the same path a branch's own exports take.
import { join } from 'node:path';
import type { ParsedInputOf } from '../../api/contract.js';
import { AppError } from '../../api/errors.js';
import type { ImportResult } from '../../api/importTypes.js';
import type { ServiceContext } from '../context.js';
import { todayIso } from '../dates.js';
import { runImport } from '../import/run.js';
import { csvFileNames } from './csvColumns.js';
import { writeDemoCsv } from './csvExport.js';

export async function installDemoBranch(
  ctx: ServiceContext,
  input: ParsedInputOf<'demo.install'>,
): Promise<ImportResult> {
  const hasBranch = ctx.db.prepare('SELECT 1 FROM branches LIMIT 1').get() !== undefined;
  if (hasBranch)
    throw new AppError(
      'conflict',
      'This database already holds a branch; the demo branch goes only into an empty one.',
    );
  const outDir = join(ctx.paths.dataDir, 'demo-branch');
  await writeDemoCsv(
    {
      outDir,
      customers: input.customers,
      seed: input.seed,
      months: input.months,
      asOf: todayIso(),
      encoding: 'utf-8',
      bom: false,
      dirty: false,
    },
    { signal: ctx.job.signal, onProgress: (progress) => ctx.job.progress(progress) },
  );
  return runImport(ctx, {
    files: csvFileNames.map((name) => ({ path: join(outDir, name) })),
    actor: 'demo',
    markDemo: true,
  });
}
