// One chosen export before import: what it was recognised as, and the column mapping to check or fix.
import { useState } from 'react';
import type { ImportInspection, ImportKindName } from '../../../electron/api/importTypes.js';
import { importKindNames } from '../../../electron/api/importTypes.js';
import { useApi } from '../../app/apiContext.js';
import { formatCount } from '../../app/format.js';
import { useI18n } from '../../app/i18n/i18n.js';

export interface FileDraft {
  inspection: ImportInspection;
  kind: ImportKindName | null;
  mapping: Record<string, string>;
}

export function missingFields(draft: FileDraft): string[] {
  if (!draft.kind) return [];
  return draft.inspection.fields[draft.kind].filter((f) => f.required && !draft.mapping[f.field]).map((f) => f.field);
}

export function FileCard(props: { draft: FileDraft; onChange(draft: FileDraft): void; onRemove(): void }) {
  const { t } = useI18n();
  const api = useApi();
  const { draft, onChange } = props;
  const { inspection } = draft;
  const [profileName, setProfileName] = useState('');
  const [saved, setSaved] = useState<string | null>(null);
  const fields = draft.kind ? inspection.fields[draft.kind] : [];
  const missing = missingFields(draft);

  const changeKind = (kind: ImportKindName | null) => {
    // Start the new kind from the columns whose names match its fields.
    const mapping: Record<string, string> = {};
    if (kind) {
      for (const f of inspection.fields[kind]) if (inspection.header.includes(f.field)) mapping[f.field] = f.field;
    }
    onChange({ ...draft, kind, mapping: kind === inspection.kind ? inspection.mapping : mapping });
  };

  const saveProfile = async () => {
    if (!draft.kind || !profileName.trim()) return;
    const result = await api.call('import.profiles.save', {
      name: profileName.trim(),
      kind: draft.kind,
      mapping: draft.mapping,
    });
    setSaved(result.ok ? t('import.profileSaved', { name: result.value.name }) : result.error.message);
  };

  return (
    <article className="file-card" data-testid="import-file">
      <header className="file-card-head">
        <div>
          <strong>{inspection.fileName}</strong>
          <span className="cell-muted">
            {' '}
            · {formatCount(Math.round(inspection.sizeBytes / 1024))} KB ·{' '}
            {inspection.encoding === 'gb18030' ? 'GBK/GB18030' : 'UTF-8'}
            {inspection.bom ? ' BOM' : ''} ·{' '}
            {t(
              `import.delimiter.${inspection.delimiter === '\t' ? 'tab' : inspection.delimiter === ';' ? 'semicolon' : 'comma'}`,
            )}
          </span>
          {inspection.alreadyImported && <span className="badge badge-demo">{t('import.alreadyImported')}</span>}
        </div>
        <label className="field">
          <span>{t('import.kind')}</span>
          <select
            className="input"
            data-testid="import-kind"
            value={draft.kind ?? ''}
            onChange={(event) => changeKind((event.target.value || null) as ImportKindName | null)}
          >
            <option value="">{t('import.kindUnknown')}</option>
            {importKindNames.map((kind) => (
              <option key={kind} value={kind}>
                {t(`import.kind.${kind}`)}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="button button-quiet" onClick={props.onRemove}>
          {t('import.remove')}
        </button>
      </header>
      {draft.kind && (
        <details className="mapping" open={missing.length > 0}>
          <summary>
            {missing.length > 0 ? (
              <span className="text-error" data-testid="import-missing">
                {t('import.missing', { fields: missing.join(', ') })}
              </span>
            ) : (
              t('import.mappingOk', { count: Object.keys(draft.mapping).length })
            )}
          </summary>
          <div className="mapping-grid">
            {fields.map((f) => (
              <label key={f.field} className="mapping-row">
                <span className="mono">
                  {f.field}
                  {f.required ? ' *' : ''}
                </span>
                <select
                  className="input"
                  data-testid={`map-${f.field}`}
                  value={draft.mapping[f.field] ?? ''}
                  onChange={(event) => {
                    const others = Object.entries(draft.mapping).filter(([field]) => field !== f.field);
                    const mapping = Object.fromEntries(
                      event.target.value ? [...others, [f.field, event.target.value]] : others,
                    );
                    onChange({ ...draft, mapping });
                  }}
                >
                  <option value="">{t('import.notInFile')}</option>
                  {inspection.header.map((h) => (
                    <option key={h} value={h}>
                      {h}
                    </option>
                  ))}
                </select>
              </label>
            ))}
          </div>
          <div className="profile-save">
            <input
              className="input"
              placeholder={t('import.profileName')}
              value={profileName}
              maxLength={64}
              onChange={(event) => setProfileName(event.target.value)}
            />
            <button type="button" className="button" disabled={!profileName.trim()} onClick={() => void saveProfile()}>
              {t('import.saveProfile')}
            </button>
            {saved && <span className="cell-muted">{saved}</span>}
          </div>
          {inspection.sample.length > 0 && (
            <div className="sample">
              <table className="mini-table">
                <thead>
                  <tr>
                    {inspection.header.map((h) => (
                      <th key={h}>{h}</th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {inspection.sample.map((row, i) => (
                    <tr key={i}>
                      {row.map((cell, j) => (
                        <td key={j}>{cell}</td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </details>
      )}
    </article>
  );
}
