import { useEffect, useRef, useState } from 'preact/hooks';
import {
  DEFAULT_SETTINGS,
  withSiteRemoved,
  type LoadedSettings,
  type Mode,
  type Settings,
  type SettingsProblem,
} from '../../core/policy/settings.ts';
import type { I18n } from '../components/i18n.ts';
import { ShieldMark } from '../components/ShieldMark.tsx';

export interface OptionsProps {
  i18n: I18n;
  loadSettings: () => Promise<LoadedSettings>;
  saveSettings: (settings: Settings) => Promise<void>;
  /** Subscribes to changes made elsewhere; returns the unsubscribe function. */
  onSettingsChanged: (callback: (loaded: LoadedSettings) => void) => () => void;
}

type SaveStatus = { kind: 'idle' } | { kind: 'saved'; count: number } | { kind: 'failed'; message: string };

/** A fresh, mutable copy of the defaults. */
export function defaultSettings(): Settings {
  return { mode: DEFAULT_SETTINGS.mode, allowedSites: [...DEFAULT_SETTINGS.allowedSites] };
}

/** The index of the row to focus after removing row `removed` from a list of `length` rows, or null. */
export function focusIndexAfterRemoval(removed: number, length: number): number | null {
  const remaining = length - 1;
  if (remaining <= 0) return null;
  return Math.min(removed, remaining - 1);
}

export function Options({ i18n, loadSettings, saveSettings, onSettingsChanged }: OptionsProps) {
  const { t } = i18n;
  const [settings, setSettings] = useState<Settings | null>(null);
  const [problems, setProblems] = useState<SettingsProblem[]>([]);
  const [status, setStatus] = useState<SaveStatus>({ kind: 'idle' });
  const [confirmingReset, setConfirmingReset] = useState(false);
  const [pendingFocus, setPendingFocus] = useState<'site-row' | 'sites-heading' | 'confirm-reset' | 'reset' | null>(null);
  const focusRow = useRef<number>(0);
  const sitesList = useRef<HTMLUListElement>(null);
  const sitesHeading = useRef<HTMLHeadingElement>(null);
  const confirmButton = useRef<HTMLButtonElement>(null);
  const resetButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    let live = true;
    const apply = (loaded: LoadedSettings) => {
      if (!live) return;
      setSettings(loaded.settings);
      setProblems(loaded.problems);
    };
    const unsubscribe = onSettingsChanged(apply);
    loadSettings().then(apply, (error: unknown) =>
      apply({ settings: defaultSettings(), problems: [{ path: '', message: errorMessage(error) }] }),
    );
    return () => {
      live = false;
      unsubscribe();
    };
  }, [loadSettings, onSettingsChanged]);

  useEffect(() => {
    if (!pendingFocus) return;
    if (pendingFocus === 'site-row') {
      const buttons = sitesList.current?.querySelectorAll<HTMLButtonElement>('button');
      const target = buttons?.[focusRow.current];
      if (target) target.focus();
      else sitesHeading.current?.focus();
    } else if (pendingFocus === 'sites-heading') sitesHeading.current?.focus();
    else if (pendingFocus === 'confirm-reset') confirmButton.current?.focus();
    else resetButton.current?.focus();
    setPendingFocus(null);
  }, [pendingFocus, settings, confirmingReset]);

  const save = async (next: Settings) => {
    setSettings(next);
    try {
      await saveSettings(next);
      setStatus((previous) => ({ kind: 'saved', count: previous.kind === 'saved' ? previous.count + 1 : 1 }));
    } catch (error) {
      setStatus({ kind: 'failed', message: errorMessage(error) });
    }
  };

  const changeMode = (mode: Mode) => {
    if (settings && settings.mode !== mode) void save({ ...settings, mode });
  };

  const removeSite = (site: string, index: number) => {
    if (!settings) return;
    const next = focusIndexAfterRemoval(index, settings.allowedSites.length);
    focusRow.current = next ?? 0;
    setPendingFocus(next === null ? 'sites-heading' : 'site-row');
    void save(withSiteRemoved(settings, site));
  };

  const clearSites = () => {
    if (!settings) return;
    setPendingFocus('sites-heading');
    void save({ ...settings, allowedSites: [] });
  };

  const startReset = () => {
    setConfirmingReset(true);
    setPendingFocus('confirm-reset');
  };

  const cancelReset = () => {
    setConfirmingReset(false);
    setPendingFocus('reset');
  };

  const confirmReset = () => {
    setConfirmingReset(false);
    setPendingFocus('reset');
    void save(defaultSettings());
  };

  return (
    <div class="page">
      <header class="page-header">
        <div class="page-title">
          <ShieldMark size={32} />
          <h1>{t('options_title')}</h1>
        </div>
        <p class="page-intro">{t('options_intro')}</p>
      </header>

      <main class="page-main" aria-busy={settings ? undefined : 'true'}>
        <p class={`save-status save-status-${status.kind}`} role="status" aria-live="polite">
          {status.kind === 'saved' ? (
            <>
              <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false">
                <path d="m3.5 8.5 3 3 6-6.5" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round" />
              </svg>
              {/* The key changes on every save so the same word is announced again. */}
              <span key={status.count}>{t('options_saved')}</span>
            </>
          ) : status.kind === 'failed' ? (
            t('options_save_failed', status.message)
          ) : null}
        </p>

        {problems.length > 0 ? (
          <div class="notice notice-warning">
            <p class="notice-title">{t('options_problems_heading')}</p>
            <ul>
              {problems.map((problem, index) => (
                <li key={`${problem.path}-${index}`}>
                  <code>{problem.path || t('options_problem_whole')}</code>: {problem.message}
                </li>
              ))}
            </ul>
          </div>
        ) : null}

        {settings ? (
          <>
            <section class="card panel" aria-labelledby="warnings-heading">
              <fieldset class="mode-fieldset">
                <legend>
                  <h2 id="warnings-heading">{t('options_warnings_legend')}</h2>
                </legend>
                <div class="choices">
                  <ModeChoice
                    mode="warn"
                    checked={settings.mode === 'warn'}
                    label={t('options_mode_warn')}
                    hint={t('options_mode_warn_hint')}
                    onSelect={changeMode}
                  />
                  <ModeChoice
                    mode="off"
                    checked={settings.mode === 'off'}
                    label={t('options_mode_off')}
                    hint={t('options_mode_off_hint')}
                    onSelect={changeMode}
                  />
                </div>
              </fieldset>
            </section>

            <section class="card panel" aria-labelledby="sites-heading">
              <div class="panel-head">
                <h2 id="sites-heading" ref={sitesHeading} tabIndex={-1}>
                  {t('options_sites_heading')}
                </h2>
                <button
                  type="button"
                  class="button"
                  onClick={clearSites}
                  disabled={settings.allowedSites.length === 0}
                >
                  {t('options_clear_all')}
                </button>
              </div>
              {settings.allowedSites.length === 0 ? (
                <p class="empty">{t('options_sites_empty')}</p>
              ) : (
                <ul class="site-list" ref={sitesList} aria-labelledby="sites-heading">
                  {settings.allowedSites.map((site, index) => (
                    <li key={site}>
                      <span class="site-name">{site}</span>
                      <button
                        type="button"
                        class="button button-small"
                        aria-label={t('options_remove_site_label', site)}
                        onClick={() => removeSite(site, index)}
                      >
                        {t('options_remove_site')}
                      </button>
                    </li>
                  ))}
                </ul>
              )}
            </section>

            <section class="card panel" aria-labelledby="reset-heading">
              <h2 id="reset-heading">{t('options_reset_heading')}</h2>
              <p class="muted">{t('options_reset_explain')}</p>
              <div class="actions">
                {confirmingReset ? (
                  <>
                    <button type="button" class="button button-danger" ref={confirmButton} onClick={confirmReset}>
                      {t('options_reset_confirm')}
                    </button>
                    <button type="button" class="button" onClick={cancelReset}>
                      {t('options_reset_cancel')}
                    </button>
                  </>
                ) : (
                  <button type="button" class="button" ref={resetButton} onClick={startReset}>
                    {t('options_reset')}
                  </button>
                )}
              </div>
            </section>
          </>
        ) : (
          <p class="muted">{t('options_loading')}</p>
        )}

        <section class="about" aria-labelledby="about-heading">
          <h2 id="about-heading">{t('options_about_heading')}</h2>
          <p>{t('options_about_body')}</p>
          <p>{t('popup_not_legal_advice')}</p>
        </section>
      </main>
    </div>
  );
}

function ModeChoice({
  mode,
  checked,
  label,
  hint,
  onSelect,
}: {
  mode: Mode;
  checked: boolean;
  label: string;
  hint: string;
  onSelect: (mode: Mode) => void;
}) {
  const id = `mode-${mode}`;
  return (
    <div class={checked ? 'choice choice-checked' : 'choice'}>
      <input
        type="radio"
        id={id}
        name="mode"
        value={mode}
        checked={checked}
        aria-describedby={`${id}-hint`}
        onChange={() => onSelect(mode)}
      />
      <div class="choice-text">
        <label for={id} class="choice-label">
          {label}
        </label>
        <p class="choice-hint" id={`${id}-hint`}>
          {hint}
        </p>
      </div>
    </div>
  );
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
