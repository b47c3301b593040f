import { useEffect, useRef, useState } from 'preact/hooks';
import type { I18n } from '../../core/i18n/translate.ts';
import { userMayChange } from '../../core/policy/scan-all-sites.ts';
import type { ScanView } from '../../platform/scanning.ts';
import { LockedNote } from './Choices.tsx';

/** What the panel may do; main.tsx passes the functions of platform/scanning.ts. */
export interface ScanControls {
  read: () => Promise<ScanView>;
  /** Asks the browser for the permission: called straight from the click, before any await. */
  turnOn: () => Promise<{ granted: boolean; view: ScanView }>;
  turnOff: () => Promise<ScanView>;
  /** Calls back when the permission or the policy may have changed; returns the unsubscribe function. */
  onChange: (callback: () => void) => () => void;
}

type Note = { key: string; detail?: string; count: number } | null;

/** "Check every shopping and download site": a switch, or the organisation's decision. */
export function ScanPanel({ i18n, controls }: { i18n: I18n; controls: ScanControls }) {
  const { t } = i18n;
  const [view, setView] = useState<ScanView | null>(null);
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<Note>(null);
  const notes = useRef(0);

  useEffect(() => {
    let live = true;
    const load = () =>
      void controls.read().then(
        (next) => live && setView(next),
        () => undefined,
      );
    const unsubscribe = controls.onChange(load);
    load();
    return () => {
      live = false;
      unsubscribe();
    };
  }, [controls]);

  const say = (key: string, detail?: string) => setNote({ key, detail, count: ++notes.current });

  /** Runs a change; `action` starts inside the click (the browser's permission dialog needs that). */
  const run = (action: () => Promise<{ view: ScanView; message: string }>) => {
    setBusy(true);
    action()
      .then(
        (result) => {
          setView(result.view);
          say(result.message);
        },
        (error: unknown) => say('options_save_failed', error instanceof Error ? error.message : String(error)),
      )
      .finally(() => setBusy(false));
  };

  const turnOn = () =>
    run(() =>
      controls.turnOn().then(({ granted, view: next }) => ({
        view: next,
        message: !granted ? 'options_scan_refused' : next.active ? 'options_scan_turned_on' : 'options_scan_not_on',
      })),
    );
  const turnOff = () =>
    run(() =>
      controls.turnOff().then((next) => ({ view: next, message: next.active ? 'options_scan_not_off' : 'options_scan_turned_off' })),
    );

  const status = view?.status ?? 'off';
  const locked = !userMayChange(status);
  const checked = status === 'on' || status === 'locked-on';

  return (
    <section class="card panel scan-panel" aria-labelledby="scan-heading">
      <h2 id="scan-heading">{t('options_scan_heading')}</h2>
      <p class="muted" id="scan-explain">
        {t('options_scan_explain')}
      </p>
      <p class="muted" id="scan-privacy">
        {t('options_scan_privacy')}
      </p>
      {status === 'locked-off' || status === 'locked-on' ? (
        <LockedNote id="scan-locked" i18n={i18n}>
          {t(status === 'locked-off' ? 'options_scan_locked_off' : 'options_scan_locked_on')}
        </LockedNote>
      ) : null}
      {status === 'org-asks' ? (
        <div class="notice scan-org-asks">
          <p class="notice-title" id="scan-org-asks">
            {t('scan_org_asks')}
          </p>
          <div class="actions">
            <button
              type="button"
              class="button button-primary"
              disabled={busy}
              aria-describedby="scan-org-asks scan-privacy"
              onClick={turnOn}
            >
              {t('scan_allow')}
            </button>
          </div>
        </div>
      ) : (
        <div class={`switch-row${locked ? ' switch-locked' : ''}`}>
          <input
            type="checkbox"
            role="switch"
            id="scan-all-sites"
            class="switch"
            checked={checked}
            disabled={view === null || busy || locked}
            aria-describedby={locked ? 'scan-explain scan-locked' : 'scan-explain scan-privacy'}
            onClick={(event) => {
              // The checkbox shows what the browser grants, not what was clicked: the answer decides.
              event.preventDefault();
              if (checked) turnOff();
              else turnOn();
            }}
          />
          <label for="scan-all-sites" class="switch-label">
            {t('options_scan_switch')}
          </label>
        </div>
      )}
      <p class="scan-status" role="status" aria-live="polite">
        {note ? <span key={note.count}>{note.detail === undefined ? t(note.key) : t(note.key, note.detail)}</span> : null}
      </p>
    </section>
  );
}
