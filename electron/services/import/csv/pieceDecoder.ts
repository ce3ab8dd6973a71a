// Decodes a file piece by piece, each piece starting and ending at a line feed. A bad byte is an error
// naming its line and offset; GBK text after nothing but ASCII switches a detected UTF-8 file to GB18030.
import { isAscii } from 'node:buffer';
import { TextDecoder } from 'node:util';
import { AppError } from '../../../api/errors.js';
import { firstInvalidGb18030, firstInvalidUtf8 } from './byteSequences.js';
import type { CsvEncoding, CsvFileInfo } from './types.js';

const LF = 0x0a;

/** Where a piece starts: the physical line (computed only for an error) and the file offset. */
export interface PiecePlace {
  line: () => number;
  offset: number;
}

export class PieceDecoder {
  private decoder: TextDecoder;

  /**
   * @param info its `encoding` is read, and updated on a switch to GB18030.
   * @param mayBeGb18030 the file was detected as UTF-8 only because every byte of the sample was
   *   ASCII, which reads the same in GB18030: GBK text further on means it was GBK all along.
   */
  constructor(
    private readonly info: CsvFileInfo,
    private mayBeGb18030: boolean,
  ) {
    this.decoder = newDecoder(info.encoding);
  }

  /** Pieces end at line feeds, which are never part of a multi-byte sequence in UTF-8 or GB18030. */
  decode(bytes: Buffer, final: boolean, place: PiecePlace): string {
    // ASCII reads the same in both encodings, and copying bytes to characters is several times faster
    // than decoding them; the decoder holds no half character between pieces, so it misses nothing.
    if (isAscii(bytes)) return bytes.toString('latin1');
    try {
      const text = this.decoder.decode(bytes, { stream: !final });
      // UTF-8 yields as many characters as bytes only when every byte was ASCII.
      if (this.mayBeGb18030 && text.length !== bytes.length) this.mayBeGb18030 = false;
      return text;
    } catch {
      const invalidAt = this.mayBeGb18030 ? firstInvalidUtf8(bytes, false) : -1;
      if (invalidAt < 0 || !isAscii(bytes.subarray(0, invalidAt))) {
        throw this.invalidBytes(bytes, place, [this.info.encoding]);
      }
      const gb18030 = newDecoder('gb18030');
      let text: string;
      try {
        text = gb18030.decode(bytes, { stream: !final });
      } catch {
        throw this.invalidBytes(bytes, place, ['utf-8', 'gb18030']);
      }
      this.decoder = gb18030;
      this.info.encoding = 'gb18030';
      this.mayBeGb18030 = false;
      return text;
    }
  }

  private invalidBytes(bytes: Buffer, place: PiecePlace, encodings: readonly CsvEncoding[]): AppError {
    let offsetInPiece = 0;
    for (const encoding of encodings) {
      const offset = encoding === 'utf-8' ? firstInvalidUtf8(bytes, false) : firstInvalidGb18030(bytes, false);
      offsetInPiece = Math.max(offsetInPiece, offset);
    }
    const offset = place.offset + offsetInPiece;
    let line = place.line();
    for (let at = bytes.indexOf(LF); at !== -1 && at < offsetInPiece; at = bytes.indexOf(LF, at + 1)) line++;
    const path = this.info.path;
    const message =
      encodings.length > 1
        ? `${path}, line ${line}: neither UTF-8 nor GBK/GB18030 (invalid bytes at offset ${offset})`
        : `${path}, line ${line}: invalid ${encodings[0] === 'utf-8' ? 'UTF-8' : 'GBK/GB18030'} bytes at offset ${offset}; the file mixes encodings or is damaged — save it again as UTF-8`;
    return new AppError('invalid_input', message, { line, offset });
  }
}

function newDecoder(encoding: CsvEncoding): TextDecoder {
  // fatal: a bad byte is an error, never a silent U+FFFD. ignoreBOM: the reader skips the BOM itself.
  return new TextDecoder(encoding, { fatal: true, ignoreBOM: true });
}
