import { type DragEvent } from 'react';
import { FilePickButton } from '../../components/FilePickButton';
import { errorText, useT } from '../../i18n';
import { type ImportResult, useUnitStore } from './unit-store';

function ResultLine({ result }: { result: ImportResult }) {
  const t = useT();
  if (!result.ok)
    return (
      <li className="banner banner-error" data-testid="unit-refused">
        <strong>{t('unit.result.refused', { file: result.fileName })}</strong> {errorText(t, result.error)}
      </li>
    );
  const o = result.outcome;
  const flagged = o.custody.status === 'truncated' || o.custody.status === 'forked';
  return (
    <li className={flagged ? 'banner banner-warn' : 'banner banner-ok'} data-testid="unit-imported">
      {o.outcome === 'already-imported'
        ? t('unit.result.already', { file: o.fileName })
        : t('unit.result.imported', {
            file: o.fileName,
            reference: o.reference,
            analyst: o.analyst,
            supervisor: o.supervisor,
            channels: o.channels.total,
            merged: o.channels.merged,
            evidence: o.evidence.total,
            duplicate: o.evidence.duplicate,
          })}
      {flagged && (
        <div data-testid="unit-custody-flag">
          <strong>{t('unit.result.custody', { status: t(`unit.custody.${o.custody.status}`) })}</strong>{' '}
          {o.custody.detail}
        </div>
      )}
    </li>
  );
}

/** Where approved packages come in: dropped or picked, several at once, each verified by the core. */
export function UnitDrop() {
  const t = useT();
  const { importing, results, over, importFiles, setOver } = useUnitStore();
  const busy = importing !== null;
  const take = (files: FileList | null | undefined) => {
    if (files && files.length > 0 && !busy) void importFiles([...files]);
  };
  return (
    <section className="card">
      <div
        className={`drop-zone${over ? ' over' : ''}${busy ? ' busy' : ''}`}
        data-testid="unit-drop"
        onDragOver={(e: DragEvent<HTMLDivElement>) => {
          e.preventDefault();
          e.dataTransfer.dropEffect = busy ? 'none' : 'copy';
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={(e: DragEvent<HTMLDivElement>) => {
          e.preventDefault();
          setOver(false);
          take(e.dataTransfer.files);
        }}
      >
        <strong>{t('unit.drop.title')}</strong>
        <span className="muted">{t('unit.drop.hint')}</span>
        <FilePickButton
          label={t('unit.drop.pick')}
          accept=".zip,.age,application/zip"
          busy={busy}
          testId="unit-file"
          multiple
          onFiles={(files) => {
            if (!busy) void importFiles(files);
          }}
        />
      </div>
      {busy && (
        <div className="verifying" role="status" aria-busy="true">
          <progress className="progress" aria-label={t('unit.importing', { file: importing })} />
          <span>{t('unit.importing', { file: importing })}</span>
        </div>
      )}
      {results.length > 0 && (
        <ul className="unit-results" aria-live="polite">
          {results.map((r, i) => (
            <ResultLine key={`${r.fileName}-${i}`} result={r} />
          ))}
        </ul>
      )}
    </section>
  );
}
