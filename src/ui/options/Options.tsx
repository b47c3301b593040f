import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { overLimitText, problemText } from '../../core/i18n/coded.ts';
import { formatCount } from '../../core/i18n/format.ts';
import type { I18n } from '../../core/i18n/translate.ts';
import type { LockedKey } from '../../core/policy/merge.ts';
import type { PolicyProblem } from '../../core/policy/schema.ts';
import { withSiteRemoved, type Settings } from '../../core/policy/settings.ts';
import type { OptionsState } from '../../platform/messages.ts';
import { ShieldMark } from '../components/ShieldMark.tsx';
import { LockedNote, RadioGroup, type Choice } from './Choices.tsx';
import { OrganizationPanel } from './OrganizationPanel.tsx';
import { PolicyProblemsPanel } from './PolicyProblems.tsx';
import { ProfilePanel } from './ProfilePanel.tsx';
import { ScanPanel, type ScanControls } from './ScanPanel.tsx';
import { defaultSettings, fallbackState, focusIndexAfterRemoval, MAX_PROFILE_BYTES, MAX_PROFILE_MEGABYTES, withUserSettings, type ImportResult } from './state.ts';

export { defaultSettings, focusIndexAfterRemoval } from './state.ts';

export interface OptionsProps {
  i18n: I18n;
  /** `get-options-state`. */
  loadState: () => Promise<OptionsState>;
  /** `save-settings`: the user's own settings; answers with the new state. */
  saveSettings: (settings: Settings) => Promise<OptionsState>;
  /** `import-policy`: the file's text; the background validates it whole. */
  importPolicy: (contents: string) => Promise<ImportResult>;
  /** `clear-imported-policy`. */
  clearImportedPolicy: () => Promise<OptionsState>;
  /** Calls back when the state may have changed elsewhere (another page, a new policy); returns the unsubscribe function. */
  onExternalChange: (callback: () => void) => () => void;
  /** Writes text to the clipboard. */
  copyText: (text: string) => Promise<void>;
  /** Checking every shopping and download site (its panel is left out without it). */
  scanning?: ScanControls;
}

type Status = { kind: 'idle' } | { kind: 'saved'; message: string; count: number } | { kind: 'failed'; message: string; count: number };
type Focus = 'site-row' | 'sites-heading' | 'confirm-reset' | 'reset' | 'import';

export function Options({ i18n, loadState, saveSettings, importPolicy, clearImportedPolicy, onExternalChange, copyText, scanning }: OptionsProps) {
  const { t } = i18n;
  const [state, setState] = useState<OptionsState | null>(null);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const [confirmingReset, setConfirmingReset] = useState(false);
  const [importProblems, setImportProblems] = useState<PolicyProblem[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [pendingFocus, setPendingFocus] = useState<Focus | null>(null);
  const focusRow = useRef<number>(0);
  const sitesList = useRef<HTMLUListElement>(null);
  const sitesHeading = useRef<HTMLHeadingElement>(null);
  const confirmButton = useRef<HTMLButtonElement>(null);
  const resetButton = useRef<HTMLButtonElement>(null);
  const importButton = useRef<HTMLButtonElement>(null);
  /** Answers are applied in the order requests were made: a slow read never undoes a newer save. */
  const requests = useRef({ issued: 0, applied: 0 });

  const track = () => ++requests.current.issued;
  const applyState = (seq: number, next: OptionsState) => {
    if (seq < requests.current.applied) return;
    requests.current.applied = seq;
    setState(next);
  };

  useEffect(() => {
    let live = true;
    const load = () => {
      const seq = track();
      loadState().then(
        (next) => live && applyState(seq, next),
        (error: unknown) => live && applyState(seq, fallbackState(errorMessage(error))),
      );
    };
    const unsubscribe = onExternalChange(load);
    load();
    return () => {
      live = false;
      unsubscribe();
    };
  }, [loadState, onExternalChange]);

  useEffect(() => {
    if (!pendingFocus) return;
    if (pendingFocus === 'site-row') {
      const buttons = sitesList.current?.querySelectorAll<HTMLButtonElement>('button');
      const target = buttons?.[focusRow.current];
      if (target) target.focus();
      else sitesHeading.current?.focus();
    } else if (pendingFocus === 'sites-heading') sitesHeading.current?.focus();
    else if (pendingFocus === 'confirm-reset') confirmButton.current?.focus();
    else if (pendingFocus === 'import') importButton.current?.focus();
    else resetButton.current?.focus();
    setPendingFocus(null);
  }, [pendingFocus, state, confirmingReset]);

  const announce = (message: string, failed = false) =>
    setStatus((previous) => {
      const count = previous.kind === 'idle' ? 1 : previous.count + 1;
      return failed ? { kind: 'failed', message, count } : { kind: 'saved', message, count };
    });

  const save = async (next: Settings) => {
    if (!state) return;
    const before = state;
    const seq = track();
    // Shown at once, and counted as applied: an older answer that arrives later (the save of the
    // previous click) must not flip the choice back, even for a moment.
    applyState(seq, withUserSettings(state, next));
    try {
      applyState(seq, await saveSettings(next));
      announce(t('options_saved'));
    } catch (error) {
      applyState(seq, before);
      announce(t('options_save_failed', errorMessage(error)), true);
    }
  };

  const importFile = async (file: File) => {
    setBusy(true);
    try {
      if (file.size > MAX_PROFILE_BYTES) {
        setImportProblems([{ path: '', code: 'file_too_large', values: [MAX_PROFILE_MEGABYTES], fallback: 'not_imported' }]);
        return;
      }
      const result = await importPolicy(await file.text());
      if (result.ok) {
        applyState(track(), result.state);
        setImportProblems(null);
        announce(t('options_profile_imported'));
      } else {
        setImportProblems(result.problems);
      }
    } catch (error) {
      setImportProblems([{ path: '', code: 'import_failed', values: [errorMessage(error)], fallback: 'not_imported' }]);
    } finally {
      setBusy(false);
    }
  };

  const removeProfile = async () => {
    setBusy(true);
    const seq = track();
    try {
      applyState(seq, await clearImportedPolicy());
      setImportProblems(null);
      setPendingFocus('import');
      announce(t('options_profile_removed'));
    } catch (error) {
      announce(t('options_save_failed', errorMessage(error)), true);
    } finally {
      setBusy(false);
    }
  };

  if (!state) {
    return (
      <Page i18n={i18n} status={status} busy>
        <p class="muted">{t('options_loading')}</p>
      </Page>
    );
  }

  const { settings, effective, locked } = state;
  const isLocked = (key: LockedKey) => locked.includes(key);
  const sitesLocked = isLocked('allowedSites');

  const removeSite = (site: string, index: number) => {
    const next = focusIndexAfterRemoval(index, settings.allowedSites.length);
    focusRow.current = next ?? 0;
    setPendingFocus(next === null ? 'sites-heading' : 'site-row');
    void save(withSiteRemoved(settings, site));
  };

  const clearSites = () => {
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

  const modeChoices: Choice<Settings['mode']>[] = [
    { value: 'warn', label: t('options_mode_warn'), hint: t('options_mode_warn_hint') },
    { value: 'block', label: t('options_mode_block'), hint: t('options_mode_block_hint') },
    { value: 'off', label: t('options_mode_off'), hint: t('options_mode_off_hint') },
  ];
  const downloadChoices: Choice<Settings['downloadGuard']>[] = [
    { value: 'warn', label: t('options_download_warn'), hint: t('options_download_warn_hint') },
    { value: 'block', label: t('options_download_block'), hint: t('options_download_block_hint') },
    { value: 'off', label: t('options_download_off'), hint: t('options_download_off_hint') },
  ];

  return (
    <Page i18n={i18n} status={status}>
      {state.settingsProblems.length > 0 ? (
        <div class="notice notice-warning settings-problems">
          <p class="notice-title">{t('options_problems_heading')}</p>
          <ul>
            {state.settingsProblems.map((problem, index) => (
              <li key={`${problem.path}-${index}`}>
                <code>{problem.path || t('options_problem_whole')}</code>: {problemText(problem, i18n)}
              </li>
            ))}
          </ul>
        </div>
      ) : null}

      <PolicyProblemsPanel problems={state.policyProblems} i18n={i18n} />
      <OrganizationPanel state={state} i18n={i18n} />

      <section class="card panel" aria-labelledby="warnings-heading">
        <RadioGroup
          name="mode"
          legend={t('options_warnings_legend')}
          legendId="warnings-heading"
          choices={modeChoices}
          value={effective.mode}
          lockedNoteId={isLocked('mode') ? 'mode-locked' : null}
          i18n={i18n}
          onSelect={(mode) => {
            if (settings.mode !== mode) void save({ ...settings, mode });
          }}
        />
        {state.blockRules.overLimit.length > 0 ? (
          <div class="notice notice-warning block-rules-over-limit">
            <p class="notice-title">{t('options_rules_over_limit')}</p>
            <ul>
              {state.blockRules.overLimit.map((item, index) => (
                <li key={index}>{overLimitText(item, i18n)}</li>
              ))}
            </ul>
          </div>
        ) : effective.mode === 'block' ? (
          <p class="fine-print block-rules-count">{t('options_rules_count', formatCount(state.blockRules.counts.rules, i18n.locale))}</p>
        ) : null}
      </section>

      <section class="card panel" aria-labelledby="downloads-heading">
        <RadioGroup
          name="downloadGuard"
          legend={t('options_downloads_legend')}
          legendId="downloads-heading"
          choices={downloadChoices}
          value={effective.downloadGuard}
          lockedNoteId={isLocked('downloadGuard') ? 'downloadGuard-locked' : null}
          i18n={i18n}
          onSelect={(downloadGuard) => {
            if (settings.downloadGuard !== downloadGuard) void save({ ...settings, downloadGuard });
          }}
        />
      </section>

      {scanning ? <ScanPanel i18n={i18n} controls={scanning} /> : null}

      <section class="card panel" aria-labelledby="sites-heading" aria-describedby={sitesLocked ? 'sites-locked' : undefined}>
        <div class="panel-head">
          <h2 id="sites-heading" ref={sitesHeading} tabIndex={-1}>
            {t('options_sites_heading')}
          </h2>
          {sitesLocked ? null : (
            <button type="button" class="button" onClick={clearSites} disabled={settings.allowedSites.length === 0}>
              {t('options_clear_all')}
            </button>
          )}
        </div>
        {sitesLocked ? (
          <LockedNote id="sites-locked" i18n={i18n}>
            {t('options_sites_locked')}
          </LockedNote>
        ) : settings.allowedSites.length === 0 ? (
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

      <ProfilePanel
        state={state}
        i18n={i18n}
        importProblems={importProblems}
        busy={busy}
        onImportFile={(file) => void importFile(file)}
        onRemove={() => void removeProfile()}
        copyText={copyText}
        announce={announce}
        importButton={importButton}
      />

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
    </Page>
  );
}

/** The page frame: heading, the status line (always in the page, so it is announced), the content, About. */
function Page({ i18n, status, busy, children }: { i18n: I18n; status: Status; busy?: boolean; children: ComponentChildren }) {
  const { t } = i18n;
  return (
    <div class="page">
      <header class="page-header">
        <div class="page-title">
          <ShieldMark size={32} />
          <h1>{t('options_title')}</h1>
        </div>
        <p class="page-intro">{t('options_intro')}</p>
      </header>

      <main class="page-main" aria-busy={busy ? 'true' : undefined}>
        <p class={`save-status save-status-${status.kind}`} role="status" aria-live="polite">
          {status.kind === 'saved' ? (
            <>
              <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false">
                <path d="m3.5 8.5 3 3 6-6.5" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round" />
              </svg>
              {/* The key changes on every message so the same words are announced again. */}
              <span key={status.count}>{status.message}</span>
            </>
          ) : status.kind === 'failed' ? (
            <span key={status.count}>{status.message}</span>
          ) : null}
        </p>

        {children}

        <section class="about" aria-labelledby="about-heading">
          <h2 id="about-heading">{t('options_about_heading')}</h2>
          <p>{t('options_about_body')}</p>
          <p>{t('popup_not_legal_advice')}</p>
        </section>
      </main>
    </div>
  );
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
