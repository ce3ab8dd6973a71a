// Guesses the delimiter from the header line: the most frequent of comma, semicolon and tab outside quotes.
import type { CsvDelimiter } from './types.js';

const candidates: readonly CsvDelimiter[] = [',', ';', '\t'];

/** Sniffs the delimiter from the line starting at `start`; ties and a single-column header give a comma. */
export function sniffDelimiter(text: string, start = 0): CsvDelimiter {
  const counts = [0, 0, 0];
  let quoted = false;
  for (let i = start; i < text.length; i++) {
    const char = text[i];
    // A doubled quote toggles twice, which leaves the state as it was: no special case needed.
    if (char === '"') quoted = !quoted;
    else if (quoted) continue;
    else if (char === '\n' || char === '\r') break;
    else if (char === ',') counts[0]!++;
    else if (char === ';') counts[1]!++;
    else if (char === '\t') counts[2]!++;
  }
  let best = 0;
  for (let k = 1; k < candidates.length; k++) if (counts[k]! > counts[best]!) best = k;
  return candidates[best]!;
}
