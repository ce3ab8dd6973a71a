// `import.inspect`: what a file is before it is imported — encoding, delimiter, header, the kind it
// looks like and how its columns map — for the column-mapping step.
import { basename } from 'node:path';
import type { ParsedInputOf } from '../../api/contract.js';
import type { ImportInspection, ImportKindName } from '../../api/importTypes.js';
import type { ServiceContext } from '../context.js';
import { openCsv } from './csv/index.js';
import { sha256File } from './hash.js';
import { importKinds, kindSpecs } from './kinds.js';
import { defaultMapping, guessKind, missingRequired } from './mapping.js';
import { listProfiles } from './profiles.js';

const hashLimitBytes = 64 << 20;

export async function inspectImportFile(
  ctx: ServiceContext,
  input: ParsedInputOf<'import.inspect'>,
): Promise<ImportInspection> {
  const reader = await openCsv(input.path, { signal: ctx.job.signal });
  try {
    const { info } = reader;
    let sample: string[][] = [];
    for await (const batch of reader.batches(5)) {
      sample = batch.map((record) => record.fields);
      break;
    }
    const kind = guessKind(info.header, input.path);
    // A saved profile for this kind whose columns all exist in the file beats the documented names.
    const profile = kind
      ? listProfiles(ctx, { kind }).find((p) => Object.values(p.mapping).every((h) => info.header.includes(h)))
      : undefined;
    const mapping = kind ? (profile?.mapping ?? defaultMapping(kindSpecs[kind], info.header)) : {};
    const fields = Object.fromEntries(
      importKinds.map((k) => [k, kindSpecs[k].fields.map((f) => ({ field: f.field, required: f.required }))]),
    ) as ImportInspection['fields'];
    let alreadyImported: boolean | null = null;
    if (info.sizeBytes <= hashLimitBytes) {
      const sha256 = await sha256File(input.path, ctx.job, () => {});
      alreadyImported = ctx.db.prepare('SELECT 1 FROM import_files WHERE sha256 = ?').get(sha256) !== undefined;
    }
    return {
      path: input.path,
      fileName: basename(input.path),
      sizeBytes: info.sizeBytes,
      encoding: info.encoding,
      bom: info.bom,
      delimiter: info.delimiter,
      header: info.header,
      kind: kind as ImportKindName | null,
      mapping,
      missing: kind ? missingRequired(kindSpecs[kind], mapping, info.header) : [],
      fields,
      sample,
      alreadyImported,
    };
  } finally {
    await reader.close();
  }
}
