// Tells UTF-8 from GBK/GB18030 by the bytes: a BOM decides; otherwise the sample must be valid in one.
import { AppError } from '../../../api/errors.js';
import { firstInvalidGb18030, firstInvalidUtf8 } from './byteSequences.js';
import type { CsvEncoding } from './types.js';

export interface DetectedEncoding {
  encoding: CsvEncoding;
  /** Bytes of byte-order mark to skip (0 when there is none). */
  bomLength: number;
}

const utf8Bom = [0xef, 0xbb, 0xbf];
const gb18030Bom = [0x84, 0x31, 0x95, 0x33];

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((byte, i) => bytes[i] === byte);
}

/** The BOM length of `encoding` at the start of `sample`, for a file whose encoding was given. */
export function bomLengthFor(sample: Uint8Array, encoding: CsvEncoding): number {
  const bom = encoding === 'utf-8' ? utf8Bom : gb18030Bom;
  return startsWith(sample, bom) ? bom.length : 0;
}

/**
 * Detects the encoding from `sample`, the first bytes of the file (`whole` when that is all of it).
 * UTF-8 wins when both fit, which for pure ASCII makes no difference. Refuses a file valid in neither.
 */
export function detectEncoding(fileLabel: string, sample: Uint8Array, whole: boolean): DetectedEncoding {
  if (startsWith(sample, utf8Bom)) return { encoding: 'utf-8', bomLength: utf8Bom.length };
  if (startsWith(sample, gb18030Bom)) return { encoding: 'gb18030', bomLength: gb18030Bom.length };
  const utf8Error = firstInvalidUtf8(sample, !whole);
  if (utf8Error === -1) return { encoding: 'utf-8', bomLength: 0 };
  const gb18030Error = firstInvalidGb18030(sample, !whole);
  if (gb18030Error === -1) return { encoding: 'gb18030', bomLength: 0 };
  // The encoding that read further is most likely the intended one, so its error is the useful one.
  const offset = Math.max(utf8Error, gb18030Error);
  const utf16 = startsWith(sample, [0xff, 0xfe]) || startsWith(sample, [0xfe, 0xff]);
  const hint = utf16 ? '; it looks like UTF-16 ("Unicode Text" in Excel): save it as "CSV UTF-8" instead' : '';
  return refuse(`${fileLabel} is neither UTF-8 nor GBK/GB18030 (invalid bytes at offset ${offset})${hint}`, offset);
}

function refuse(message: string, offset: number): never {
  throw new AppError('invalid_input', message, { offset });
}
