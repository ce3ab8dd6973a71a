// The streaming CSV reader for core-banking exports (docs/FORMATS.md, "Files in general").
export { openCsv } from './openCsv.js';
export { standaloneCopy } from './standaloneCopy.js';
export type { CsvDelimiter, CsvEncoding, CsvFileInfo, CsvReader, CsvRecord, OpenCsvOptions } from './types.js';
