import { type DragEvent, useState } from 'react';
import { errorText, useT } from '../../renderer/i18n';
import { droppedFolder, pickedFolder } from './folder-browser';
import { RosterPicker } from './RosterPicker';
import { useVerifier } from './verifier-store';
import { MiB } from '../../electron/common/limits';

const isRoster = (name: string): boolean => /\.json$/i.test(name);

/** Where the package comes in: dropped (a .zip or a folder, with a roster .json beside it if wanted) or picked. */
export function OpenInput() {
  const t = useT();
  const { phase, open, loadRoster } = useVerifier();
  const [over, setOver] = useState(false);
  const [dropError, setDropError] = useState(false);
  const busy = phase === 'verifying';

  function onDrop(e: DragEvent<HTMLDivElement>) {
    e.preventDefault();
    setOver(false);
    if (busy) return;
    // Entries must be taken while the drop event lasts. A dropped file may come without an entry.
    const dropped = [...e.dataTransfer.items]
      .filter((item) => item.kind === 'file')
      .map((item) => ({ entry: item.webkitGetAsEntry(), file: item.getAsFile() }));
    const rosters = dropped.filter((d) => !d.entry?.isDirectory && d.file && isRoster(d.file.name));
    const packages = dropped.filter((d) => !rosters.includes(d));
    const one = packages.length === 1 && rosters.length <= 1 ? packages[0] : undefined;
    setDropError(!one);
    if (!one) return;
    void (async () => {
      if (rosters[0]?.file) await loadRoster(rosters[0].file);
      if (one.entry?.isDirectory)
        await open({ kind: 'folder', folder: droppedFolder(one.entry as FileSystemDirectoryEntry) }, one.entry.name);
      else if (one.file) await open({ kind: 'zip', file: one.file }, one.file.name);
    })();
  }

  return (
    <section className="card">
      <div
        className={`drop-zone review-drop${over ? ' over' : ''}${busy ? ' busy' : ''}`}
        data-testid="verifier-drop"
        onDragOver={(e) => {
          e.preventDefault();
          e.dataTransfer.dropEffect = busy ? 'none' : 'copy';
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
      >
        <strong>{t('verifier.dropTitle')}</strong>
        <span className="muted">{t('verifier.dropHint')}</span>
        <div className="field-row page-pickers">
          <label className={`button-primary file-button${busy ? ' disabled' : ''}`}>
            {t('verifier.pickFile')}
            <input
              type="file"
              accept=".zip,application/zip"
              className="sr-only"
              disabled={busy}
              data-testid="verifier-file"
              onChange={(e) => {
                const file = e.target.files?.[0];
                e.target.value = '';
                if (file) void open({ kind: 'zip', file }, file.name);
              }}
            />
          </label>
          <label className={`button-secondary file-button${busy ? ' disabled' : ''}`}>
            {t('verifier.pickFolder')}
            <input
              type="file"
              className="sr-only"
              disabled={busy}
              data-testid="verifier-folder"
              {...{ webkitdirectory: '' }}
              onChange={(e) => {
                const folder = pickedFolder([...(e.target.files ?? [])]);
                e.target.value = '';
                if (folder) void open({ kind: 'folder', folder }, folder.name);
              }}
            />
          </label>
        </div>
      </div>
      {dropError && (
        <p className="banner banner-warn" role="alert">
          {t('verifier.dropOne')}
        </p>
      )}
      <RosterPicker />
      <Progress />
      {phase === 'failed' && <OpenError />}
    </section>
  );
}

function OpenError() {
  const t = useT();
  const error = useVerifier((s) => s.error);
  if (!error) return null;
  return (
    <div className="banner banner-error" role="alert" data-testid="open-error">
      <strong>{t('review.openFailed')}</strong> {errorText(t, error)}
    </div>
  );
}

function Progress() {
  const t = useT();
  const { phase, name, progress, cancel } = useVerifier();
  if (phase !== 'verifying') return null;
  const mib = (n: number) => `${(n / MiB).toFixed(0)} MiB`;
  return (
    <div className="verifying" role="status" aria-busy="true" data-testid="verifying">
      <progress
        className="progress"
        max={progress.total || undefined}
        value={progress.total ? progress.done : undefined}
        aria-label={t('review.verifying', { file: name })}
      />
      <div className="field-row page-progress">
        <span>{t('review.verifying', { file: name })}</span>
        {progress.total > 0 && (
          <span className="muted small">
            {t('verifier.progress', { done: mib(progress.done), total: mib(progress.total) })}
          </span>
        )}
        <button type="button" className="button-secondary small" onClick={cancel}>
          {t('common.cancel')}
        </button>
      </div>
    </div>
  );
}
