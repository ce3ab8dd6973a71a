// Shapes of the import calls: inspecting a file, running an import, and reading its report.

export const importKindNames = [
  'branches',
  'staff',
  'products',
  'customers',
  'blacklist',
  'complaints',
  'holdings',
  'activity',
  'loans',
  'repayments',
] as const;
export type ImportKindName = (typeof importKindNames)[number];

export interface ImportInspection {
  path: string;
  fileName: string;
  sizeBytes: number;
  encoding: 'utf-8' | 'gb18030';
  bom: boolean;
  delimiter: ',' | ';' | '\t';
  header: string[];
  /** Best guess from the header and file name; null when no kind matches. */
  kind: ImportKindName | null;
  /** field → header, for the guessed kind (or the saved profile for it). */
  mapping: Record<string, string>;
  /** Required fields of the guessed kind that no header matches. */
  missing: string[];
  /** Fields of each kind, for the mapping step: name and whether required. */
  fields: Record<ImportKindName, { field: string; required: boolean }[]>;
  sample: string[][];
  /** Whether this exact file was imported before; null for files too large to hash while inspecting. */
  alreadyImported: boolean | null;
}

export interface ImportFileResult {
  fileName: string;
  kind: ImportKindName;
  encoding: 'utf-8' | 'gb18030';
  delimiter: ',' | ';' | '\t';
  rows: number;
  added: number;
  updated: number;
  unchanged: number;
  rejected: number;
  /** The same file (by SHA-256) was imported before, so nothing was read from it. */
  skipped: boolean;
}

export interface ImportResult {
  runId: number;
  files: ImportFileResult[];
  totals: { rows: number; added: number; updated: number; unchanged: number; rejected: number };
  seconds: number;
}

export interface ImportRejection {
  fileName: string;
  line: number;
  column: string;
  value: string;
  code: string;
  message: string;
}

export interface ImportRunSummary {
  runId: number;
  startedAt: string;
  finishedAt: string | null;
  status: 'applied' | 'unchanged' | 'rejected_all';
  actor: string;
  files: ImportFileResult[];
}

export interface ImportProfile {
  name: string;
  kind: ImportKindName;
  mapping: Record<string, string>;
}
