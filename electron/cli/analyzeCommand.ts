// `branchloop analyze`: one analysis run of the current data (vetoes, the five scores, tiers, personas), stored
// with its number and model version; prints what it found.
import type { AnalysisRunSummary } from '../api/analysisTypes.js';
import type { Command } from './commands.js';
import { progressPrinter, table } from './format.js';
import { unwrapResult } from './unwrap.js';

function text(run: AnalysisRunSummary): string {
  const { summary } = run;
  const share = (count: number) =>
    `${count.toLocaleString('en')} (${summary.customers === 0 ? 0 : Math.round((1000 * count) / summary.customers) / 10}%)`;
  const rows: [string, string][] = [
    ['run', String(run.runId)],
    ['model version', run.modelVersion],
    ['as of', run.asOfMonth],
    ['customers', run.customers.toLocaleString('en')],
    ['seconds', run.seconds.toFixed(2)],
    ...Object.entries(summary.tiers).map(([tier, count]): [string, string] => [
      `tier ${summary.tierLabels[tier as keyof typeof summary.tierLabels].en}`,
      share(count),
    ]),
    ['vetoed', share(summary.vetoed)],
    ...summary.vetoes.map((v): [string, string] => [`  ${v.label.en}`, share(v.count)]),
    ...Object.entries(summary.scores).map(([key, d]): [string, string] => [`mean ${key}`, d.mean.toFixed(1)]),
    ...summary.personas.map((p): [string, string] => [`tag ${p.label.en}`, share(p.count)]),
  ];
  return table(rows);
}

export const analyzeCommand: Command = {
  name: 'analyze',
  summary: 'score, screen and tag every customer; stored as a numbered analysis run',
  usage: 'branchloop analyze [--data-dir DIR] [--json]',
  options: {},
  async run(_flags, session) {
    const api = await session.open(false);
    const printer = progressPrinter(process.stderr);
    const run = unwrapResult(
      await api.call('analysis.run', {}, { onProgress: (progress) => printer.report(progress) }),
    );
    printer.done();
    return { json: run, text: text(run) };
  },
};
