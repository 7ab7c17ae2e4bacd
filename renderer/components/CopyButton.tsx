import { useContext, useState } from 'react';
import { useT } from '../i18n';
import { copyText } from './clipboard';
import { CopyTextContext } from './copy-text';

/** Copies text; what we copy (recovery codes, hashes) is wiped from the clipboard after a minute. */
export function CopyButton({ text, label }: { text: string; label?: string }) {
  const t = useT();
  const [copied, setCopied] = useState(false);
  const copy = useContext(CopyTextContext) ?? copyText;
  return (
    <button
      type="button"
      className="button-ghost small"
      onClick={async () => {
        await copy(text);
        setCopied(true);
        setTimeout(() => setCopied(false), 2000);
      }}
    >
      {copied ? t('common.copied') : (label ?? t('common.copy'))}
    </button>
  );
}
