// `branchloop import FILE…`: applies core-banking exports through the same import service as the app,
// printing the counts per file and every rejected row (all of them with --json).
import type { ImportRejection, ImportResult } from '../api/importTypes.js';
import { importKindNames, type ImportKindName } from '../api/importTypes.js';
import { AppError } from '../api/errors.js';
import type { Command } from './commands.js';
import { progressPrinter, table } from './format.js';
import { unwrapResult } from './unwrap.js';

const shownRejections = 20;

function kindFlag(value: string | boolean | undefined): ImportKindName | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string' && (importKindNames as readonly string[]).includes(value))
    return value as ImportKindName;
  throw new AppError('invalid_input', `--kind: "${String(value)}" is not one of ${importKindNames.join(', ')}.`);
}

function describe(result: ImportResult, rejections: ImportRejection[], total: number): string {
  const lines = result.files.map(
    (f) =>
      [
        `${f.fileName} (${f.kind}, ${f.encoding})`,
        f.skipped
          ? `imported before: ${f.rows} rows unchanged`
          : `${f.rows} rows: ${f.added} added, ${f.updated} updated, ${f.unchanged} unchanged, ${f.rejected} rejected`,
      ] as const,
  );
  let text = table(lines) + `Import ${result.runId} took ${result.seconds.toFixed(1)} s.\n`;
  if (total > 0) {
    text += `\n${total} rejected row(s)${total > rejections.length ? `, the first ${rejections.length}` : ''}:\n`;
    text +=
      rejections.map((r) => `  ${r.fileName}:${r.line} ${r.column} "${r.value}" [${r.code}] ${r.message}`).join('\n') +
      '\n';
  }
  return text;
}

export const importCommand: Command = {
  name: 'import',
  summary: 'import core-banking CSV exports (docs/FORMATS.md); all files apply, or none',
  usage: 'branchloop import FILE… [--kind KIND] [--profile NAME] [--data-dir DIR] [--json]',
  options: { kind: { type: 'string' }, profile: { type: 'string' } },
  operands: true,
  async run(flags, session, operands) {
    if (operands.length === 0) throw new AppError('invalid_input', 'name at least one CSV file to import');
    const kind = kindFlag(flags.kind);
    const profile = typeof flags.profile === 'string' ? flags.profile : undefined;
    if (kind && operands.length > 1) throw new AppError('invalid_input', '--kind applies to one file at a time');
    const api = await session.open(false);
    const printer = progressPrinter(process.stderr);
    const controller = new AbortController();
    const cancel = () => controller.abort();
    process.once('SIGINT', cancel);
    try {
      const result = unwrapResult(
        await api.call(
          'import.run',
          { files: operands.map((path) => ({ path, ...(kind ? { kind } : {}), ...(profile ? { profile } : {}) })) },
          { signal: controller.signal, onProgress: (p) => printer.report(p) },
        ),
      );
      printer.done();
      const limit = session.json ? 100_000 : shownRejections;
      const rejections = unwrapResult(await api.call('import.rejections', { runId: result.runId, limit }));
      const all = [...rejections.rows];
      for (let offset = all.length; session.json && offset < rejections.total; offset += limit) {
        all.push(...unwrapResult(await api.call('import.rejections', { runId: result.runId, offset, limit })).rows);
      }
      return { json: { ...result, rejections: all }, text: describe(result, all, rejections.total) };
    } finally {
      process.off('SIGINT', cancel);
    }
  },
};
