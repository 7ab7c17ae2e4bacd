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

const FIELDS =
  'input:not([type=hidden]):not([disabled]):not(.sr-only), textarea:not([disabled]), select:not([disabled])';

/**
 * Where the keyboard starts in a dialog: what the content marks `data-autofocus` (React's autoFocus
 * fires before the dialog is shown, so it cannot), else its first field, else the Close button.
 */
function startOf(dialog: HTMLDialogElement): HTMLElement | null {
  return dialog.querySelector<HTMLElement>('[data-autofocus]') ?? dialog.querySelector<HTMLElement>(FIELDS);
}

/**
 * A modal on the native <dialog>: focus stays inside, Escape closes, the page behind is inert, and
 * the focus goes back to what opened it (or, when that is gone, to the start of the page's content).
 */
export function Dialog({ title, onClose, closable = true, wide, children }: Props) {
  const t = useT();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (dialog && !dialog.open) dialog.showModal?.();
    if (dialog) startOf(dialog)?.focus();
    return () => {
      dialog?.close?.();
      if (opener?.isConnected) opener.focus();
      else document.querySelector<HTMLElement>('main')?.focus();
    };
  }, []);
  return (
    <dialog
      ref={ref}
      className={wide ? 'dialog dialog-wide' : 'dialog'}
      aria-labelledby={titleId}
      aria-modal="true"
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
