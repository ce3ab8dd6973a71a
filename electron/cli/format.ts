// Plain-text rendering for the terminal: amounts in yuan, aligned key/value tables, progress lines.
import type { Progress } from '../api/types.js';

export function yuan(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const whole = Math.floor(abs / 100).toLocaleString('en');
  return `${sign}¥${whole}.${String(abs % 100).padStart(2, '0')}`;
}

export function table(rows: readonly (readonly [string, string])[]): string {
  const width = Math.max(...rows.map(([key]) => key.length));
  return rows.map(([key, value]) => `${key.padEnd(width)}  ${value}`).join('\n') + '\n';
}

/** A progress reporter that redraws one line on a terminal and prints sparse lines otherwise. */
export function progressPrinter(stream: NodeJS.WriteStream): { report(progress: Progress): void; done(): void } {
  let lastLine = '';
  let lastPrinted = 0;
  return {
    report(progress) {
      const share = progress.total ? ` ${Math.floor((100 * progress.done) / progress.total)}%` : '';
      const count = progress.total
        ? ` (${progress.done.toLocaleString('en')} / ${progress.total.toLocaleString('en')})`
        : '';
      const line = `${progress.phase.replace(/^progress\./, '')}${share}${count}`;
      if (stream.isTTY) {
        stream.write(`\r${line.padEnd(lastLine.length)}`);
      } else if (Date.now() - lastPrinted > 2000 || progress.done === progress.total) {
        stream.write(line + '\n');
        lastPrinted = Date.now();
      }
      lastLine = line;
    },
    done() {
      if (stream.isTTY && lastLine) stream.write('\n');
    },
  };
}
