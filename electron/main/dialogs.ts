// Native dialogs the renderer may ask for. Options from the renderer are untrusted: parsed here
// before they reach the OS dialog.
import { BrowserWindow, dialog, type FileFilter, type OpenDialogOptions, type WebContents } from 'electron';
import { z } from 'zod';
import { fileKinds, type FileKind } from '../api/bridge.js';
import { strings, type Strings } from './strings.js';

const openFilesOptions = z
  .object({
    title: z.string().max(200).optional(),
    kinds: z.array(z.enum(fileKinds)).max(fileKinds.length).optional(),
    multiple: z.boolean().optional(),
  })
  .strict();

const filterFor: Record<FileKind, (s: Strings) => FileFilter> = {
  csv: (s) => ({ name: s.csvFiles, extensions: ['csv', 'txt'] }),
  sqlite: (s) => ({ name: s.sqliteFiles, extensions: ['sqlite', 'db', 'bak'] }),
  json: (s) => ({ name: s.jsonFiles, extensions: ['json'] }),
};

/** Shows the open dialog attached to the asking window; resolves with the chosen paths. */
export async function showOpenFiles(sender: WebContents, rawOptions: unknown): Promise<string[]> {
  const parsed = openFilesOptions.safeParse(rawOptions ?? {});
  if (!parsed.success) throw new Error(`Invalid options for the open dialog: ${parsed.error.issues[0]?.message ?? ''}`);
  const { title, kinds = ['csv'], multiple = false } = parsed.data;
  const s = strings();
  const options: OpenDialogOptions = {
    properties: multiple ? ['openFile', 'multiSelections', 'dontAddToRecent'] : ['openFile', 'dontAddToRecent'],
    filters: [...new Set(kinds)].map((kind) => filterFor[kind](s)).concat({ name: s.allFiles, extensions: ['*'] }),
    ...(title ? { title } : {}),
  };
  const parent = BrowserWindow.fromWebContents(sender);
  const result = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
  return result.canceled ? [] : result.filePaths;
}
