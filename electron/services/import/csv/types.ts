// The shapes of the streaming CSV reader: what it found out about a file and the records it yields.

export type CsvEncoding = 'utf-8' | 'gb18030';

export type CsvDelimiter = ',' | ';' | '\t';

export interface CsvFileInfo {
  path: string;
  /**
   * Detected from the bytes (or given). A file whose first megabyte is plain ASCII is read as UTF-8; if
   * GBK text turns up later, the reader switches to gb18030 and this field changes with it.
   */
  encoding: CsvEncoding;
  bom: boolean;
  delimiter: CsvDelimiter;
  /** The first record, exactly as written (not trimmed). */
  header: string[];
  sizeBytes: number;
}

export interface CsvRecord {
  /** 1-based physical line where the record starts; the header is line 1 (unless blank lines precede it). */
  line: number;
  /**
   * As written, not trimmed. Long fields share memory with the text around them: pass a value kept
   * beyond its batch (a set of keys, say) through `standaloneCopy`.
   */
  fields: string[];
}

export interface CsvReader {
  readonly info: CsvFileInfo;
  /**
   * The records after the header, at most `maxRecords` to a batch; blank lines are skipped. Can be
   * iterated once; the file is closed when the iteration ends, breaks or throws. About 1,000 records
   * a batch suits the garbage collector: batches of 5,000 outlive V8's young generation and measured
   * a third slower.
   */
  batches(maxRecords: number): AsyncIterable<CsvRecord[]>;
  /** Bytes read from the file so far, for progress against `info.sizeBytes`. */
  readonly bytesRead: number;
  close(): Promise<void>;
}

export interface OpenCsvOptions {
  /** Skips detection; a UTF-8 BOM is still recognised and skipped. */
  encoding?: CsvEncoding;
  /** Checked between chunks; an aborted read throws AppError('cancelled'). */
  signal?: AbortSignal;
  /** Bytes per file read (default 1 MiB); tests use tiny values to split records across reads. */
  chunkSize?: number;
  /** Bytes examined to detect the encoding (default 1 MiB). */
  sampleSize?: number;
}
