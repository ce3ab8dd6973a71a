// Getting exports to the importer: the desktop app hands over the paths from the native dialog;
// browser mode uploads the chosen files to the local server first.
import type { Result } from '../../../electron/api/errors.js';
import { uploadFile } from '../../app/httpTransport.js';

export interface PickedFile {
  name: string;
  path: string;
}

export function hasNativeDialog(): boolean {
  return window.branchloop !== undefined;
}

export async function pickWithDialog(): Promise<PickedFile[]> {
  const paths = (await window.branchloop?.openFiles({ kinds: ['csv'], multiple: true })) ?? [];
  return paths.map((path) => ({ path, name: path.split(/[\\/]/).pop() ?? path }));
}

export async function uploadFiles(
  files: readonly File[],
  onProgress: (sent: number, total: number) => void,
  signal: AbortSignal,
): Promise<Result<PickedFile[]>> {
  const total = files.reduce((sum, f) => sum + f.size, 0);
  let done = 0;
  const picked: PickedFile[] = [];
  for (const file of files) {
    const result = await uploadFile(file, (sent) => onProgress(done + sent, total), signal);
    if (!result.ok) return result;
    done += file.size;
    picked.push({ name: file.name, path: result.value.path });
  }
  return { ok: true, value: picked };
}
