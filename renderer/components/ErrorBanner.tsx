import { errorText, useT } from '../i18n';

export function ErrorBanner({ error }: { error: { code: string; message: string } | null }) {
  const t = useT();
  if (!error) return null;
  return (
    <div className="banner banner-error" role="alert">
      {errorText(t, error)}
    </div>
  );
}
