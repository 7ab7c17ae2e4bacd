import { useId } from 'react';

interface Props {
  label: string;
  /** file types the picker offers, as the input's accept attribute */
  accept: string;
  busy: boolean;
  testId: string;
  /** at least one file: the picker was not cancelled */
  onFiles(files: [File, ...File[]]): void;
  multiple?: boolean;
  variant?: 'primary' | 'secondary';
}

/**
 * A button that opens the system's file picker: a label styled as a button over a visually hidden
 * input, so it is reached by Tab and announced as a file field. The input is emptied after each
 * pick, so the same file can be picked again after a refusal.
 */
export function FilePickButton({ label, accept, busy, testId, onFiles, multiple, variant = 'primary' }: Props) {
  const inputId = useId();
  return (
    <>
      <label htmlFor={inputId} className={`button-${variant} file-button${busy ? ' disabled' : ''}`}>
        {label}
      </label>
      <input
        id={inputId}
        type="file"
        multiple={multiple}
        accept={accept}
        className="sr-only"
        disabled={busy}
        data-testid={testId}
        onChange={(e) => {
          const [first, ...rest] = e.target.files ? [...e.target.files] : [];
          e.target.value = '';
          if (first) onFiles([first, ...rest]);
        }}
      />
    </>
  );
}
