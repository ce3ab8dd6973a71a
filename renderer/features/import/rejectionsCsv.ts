// The rejection report as CSV text, for saving: UTF-8 with a BOM so that Excel opens Chinese correctly.
import type { ImportRejection } from '../../../electron/api/importTypes.js';

function quote(value: string | number): string {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function rejectionsCsv(rows: readonly ImportRejection[]): string {
  const header = ['file', 'line', 'column', 'value', 'code', 'reason'];
  const lines = rows.map((r) => [r.fileName, r.line, r.column, r.value, r.code, r.message].map(quote).join(','));
  return '\uFEFF' + [header.join(','), ...lines].join('\r\n') + '\r\n';
}
