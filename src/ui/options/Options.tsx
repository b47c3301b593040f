import { useEffect, useRef, useState } from 'preact/hooks';
import type { I18n } from '../../core/i18n/translate.ts';
import type { PolicyProblem } from '../../core/policy/schema.ts';
import { withSiteRemoved, type Settings } from '../../core/policy/settings.ts';
import type { OptionsState } from '../../platform/messages.ts';
import { DownloadsPanel, WarningsPanel } from './ModePanels.tsx';
import { OrganizationPanel } from './OrganizationPanel.tsx';
import { Page, type Status } from './Page.tsx';
import { PolicyProblemsPanel, SettingsProblemsNotice } from './PolicyProblems.tsx';
import { ProfilePanel } from './ProfilePanel.tsx';
import { ReaderPanel, WarnForPanel } from './ReaderPanel.tsx';
import { VendorsPanel } from './VendorsPanel.tsx';
import { ResetPanel } from './ResetPanel.tsx';
import { ScanPanel, type ScanControls } from './ScanPanel.tsx';
import { SitesPanel } from './SitesPanel.tsx';
import {
  defaultSettings,
  fallbackState,
  focusIndexAfterRemoval,
  MAX_PROFILE_BYTES,
  MAX_PROFILE_MEGABYTES,
  withUserSettings,
  type ImportResult,
} from './state.ts';

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

type Focus = 'site-row' | 'sites-heading' | 'confirm-reset' | 'reset' | 'import';

export function Options({
  i18n,
  loadState,
  saveSettings,
  importPolicy,
  clearImportedPolicy,
  onExternalChange,
  copyText,
  scanning,
}: OptionsProps) {
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

  const { settings } = state;

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

  return (
    <Page i18n={i18n} status={status}>
      <SettingsProblemsNotice problems={state.settingsProblems} i18n={i18n} />
      <PolicyProblemsPanel problems={state.policyProblems} i18n={i18n} />
      <OrganizationPanel state={state} i18n={i18n} />
      <WarningsPanel state={state} i18n={i18n} save={(next) => void save(next)} />
      <ReaderPanel state={state} i18n={i18n} save={(next) => void save(next)} />
      <WarnForPanel state={state} i18n={i18n} save={(next) => void save(next)} />
      <VendorsPanel state={state} i18n={i18n} save={(next) => void save(next)} />
      <DownloadsPanel state={state} i18n={i18n} save={(next) => void save(next)} />

      {scanning ? <ScanPanel i18n={i18n} controls={scanning} /> : null}

      <SitesPanel state={state} i18n={i18n} onRemove={removeSite} onClear={clearSites} list={sitesList} heading={sitesHeading} />

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

      <ResetPanel
        i18n={i18n}
        confirming={confirmingReset}
        onStart={startReset}
        onConfirm={confirmReset}
        onCancel={cancelReset}
        confirmButton={confirmButton}
        resetButton={resetButton}
      />
    </Page>
  );
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
