import { type ReactNode, useEffect, useId, useRef } from 'react';
import { useT } from '../i18n';

interface Props {
  title: string;
  onClose(): void;
  /** false while something must not be interrupted (an import being written) */
  closable?: boolean;
  wide?: boolean;
  children: ReactNode;
}

/** A modal on the native <dialog>: focus stays inside, Escape closes, the page behind is inert. */
export function Dialog({ title, onClose, closable = true, wide, children }: Props) {
  const t = useT();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal?.();
    return () => dialog?.close?.();
  }, []);
  return (
    <dialog
      ref={ref}
      className={wide ? 'dialog dialog-wide' : 'dialog'}
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        if (closable) onClose();
      }}
    >
      <div className="dialog-head">
        <h2 id={titleId}>{title}</h2>
        <button type="button" className="button-ghost" onClick={onClose} disabled={!closable}>
          {t('common.close')}
        </button>
      </div>
      <div className="dialog-body">{children}</div>
    </dialog>
  );
}
