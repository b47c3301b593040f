import { useEffect, useState } from 'preact/hooks';
import type { I18n } from '../../core/i18n/translate.ts';
import type { ScanView } from '../../platform/scanning.ts';

/** What the popup may do about checking every site; main.tsx passes the functions of platform/scanning.ts. */
export interface ScanRequestControls {
  read: () => Promise<ScanView>;
  /** Asks the browser for the permission: called straight from the click, before any await. */
  turnOn: () => Promise<{ granted: boolean; view: ScanView }>;
}

/**
 * When the organisation asks for checking every site and the user has not allowed it: the
 * request, with a button that opens the browser's permission dialog. Nothing otherwise.
 */
export function ScanRequest({ i18n, controls }: { i18n: I18n; controls: ScanRequestControls }) {
  const { t } = i18n;
  const [view, setView] = useState<ScanView | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    controls.read().then(
      (next) => live && setView(next),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [controls]);

  if (view?.status !== 'org-asks') return null;
  const allow = () => {
    setBusy(true);
    controls
      .turnOn()
      .then(
        ({ view: next }) => setView(next),
        () => undefined,
      )
      .finally(() => setBusy(false));
  };
  return (
    <section class="scan-request" aria-labelledby="scan-request-text">
      <p id="scan-request-text">{t('scan_org_asks')}</p>
      <button type="button" class="button button-primary" disabled={busy} onClick={allow}>
        {t('scan_allow')}
      </button>
    </section>
  );
}
