// Finds the first byte sequence that is not valid UTF-8 or GB18030, by the WHATWG Encoding Standard
// rules TextDecoder applies, so the refusal of a file can name the offset a hex editor shows.

/**
 * Offset in `bytes` where the first invalid UTF-8 sequence starts, or -1 if there is none. With
 * `truncatedEndOk`, a sequence cut off by the end of `bytes` counts as valid: it is a sample of a
 * longer file, and the rest of the character lies beyond it.
 */
export function firstInvalidUtf8(bytes: Uint8Array, truncatedEndOk: boolean): number {
  const length = bytes.length;
  let i = 0;
  while (i < length) {
    const lead = bytes[i]!;
    if (lead < 0x80) {
      i++;
      continue;
    }
    let needed: number;
    let low = 0x80;
    let high = 0xbf;
    if (lead >= 0xc2 && lead <= 0xdf) needed = 1;
    else if (lead >= 0xe0 && lead <= 0xef) {
      needed = 2;
      // Overlong forms (E0 80–9F) and UTF-16 surrogates (ED A0–BF) are not characters.
      if (lead === 0xe0) low = 0xa0;
      if (lead === 0xed) high = 0x9f;
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      needed = 3;
      // Overlong forms (F0 80–8F) and code points above U+10FFFF (F4 90–BF).
      if (lead === 0xf0) low = 0x90;
      if (lead === 0xf4) high = 0x8f;
    } else return i;
    for (let k = 1; k <= needed; k++) {
      if (i + k >= length) return truncatedEndOk ? -1 : i;
      const next = bytes[i + k]!;
      if (next < low || next > high) return i;
      low = 0x80;
      high = 0xbf;
    }
    i += needed + 1;
  }
  return -1;
}

/** The same for GB18030 (of which GBK and GB2312 are subsets). */
export function firstInvalidGb18030(bytes: Uint8Array, truncatedEndOk: boolean): number {
  const length = bytes.length;
  let i = 0;
  while (i < length) {
    const first = bytes[i]!;
    // 0x00–0x7F are ASCII and WHATWG maps a lone 0x80 to the euro sign.
    if (first <= 0x80) {
      i++;
      continue;
    }
    if (first === 0xff) return i;
    if (i + 1 >= length) return truncatedEndOk ? -1 : i;
    const second = bytes[i + 1]!;
    if ((second >= 0x40 && second <= 0x7e) || (second >= 0x80 && second <= 0xfe)) {
      i += 2;
      continue;
    }
    if (second < 0x30 || second > 0x39) return i;
    if (i + 2 >= length) return truncatedEndOk ? -1 : i;
    const third = bytes[i + 2]!;
    if (third < 0x81 || third > 0xfe) return i;
    if (i + 3 >= length) return truncatedEndOk ? -1 : i;
    const fourth = bytes[i + 3]!;
    if (fourth < 0x30 || fourth > 0x39) return i;
    // Four-byte pointers outside the ranges the standard maps decode to nothing.
    const pointer = (first - 0x81) * 12600 + (second - 0x30) * 1260 + (third - 0x81) * 10 + (fourth - 0x30);
    if ((pointer > 39419 && pointer < 189000) || pointer > 1237575) return i;
    i += 4;
  }
  return -1;
}
