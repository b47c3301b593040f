import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { problemText } from '../../core/i18n/coded.ts';
import { snippetTitleKey } from '../../core/i18n/keys.ts';
import type { I18n } from '../../core/i18n/translate.ts';
import { VENDOR_GUARD_IDS } from '../../core/identity.ts';
import type { PolicyProblem } from '../../core/policy/schema.ts';
import { exportPolicyFile, policySnippets, type PolicySnippet } from '../../core/policy/snippets.ts';
import type { OptionsState } from '../../platform/messages.ts';
import { exportedPolicy } from './state.ts';

export const EXPORT_FILE_NAME = 'vendor-guard-policy.json';

export interface ProfilePanelProps {
  state: OptionsState;
  i18n: I18n;
  /** Problems of the last rejected import (shown as an alert), or null. */
  importProblems: readonly PolicyProblem[] | null;
  busy: boolean;
  onImportFile: (file: File) => void;
  onRemove: () => void;
  /** Writes text to the clipboard; rejects when the browser refuses. */
  copyText: (text: string) => Promise<void>;
  /** Says something in the page's status line. */
  announce: (message: string, failed?: boolean) => void;
  importButton: { current: HTMLButtonElement | null };
}

/** A blob: URL for the text while it is shown, revoked when it changes or the page goes. */
function useBlobUrl(contents: string, type: string): string | null {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (typeof URL.createObjectURL !== 'function') return undefined;
    const created = URL.createObjectURL(new Blob([contents], { type }));
    setUrl(created);
    return () => URL.revokeObjectURL(created);
  }, [contents, type]);
  return url;
}

/** Import, remove and export an organisation profile, and the deployment snippets for it. */
export function ProfilePanel({
  state,
  i18n,
  importProblems,
  busy,
  onImportFile,
  onRemove,
  copyText,
  announce,
  importButton,
}: ProfilePanelProps) {
  const { t } = i18n;
  const fileInput = useRef<HTMLInputElement>(null);
  const policy = useMemo(() => exportedPolicy(state), [state]);
  const contents = useMemo(() => exportPolicyFile(policy), [policy]);
  const exportUrl = useBlobUrl(contents, 'application/json');
  const snippets = useMemo(
    () => policySnippets(policy, { chrome: state.extensionId || VENDOR_GUARD_IDS.chrome, firefox: VENDOR_GUARD_IDS.firefox }),
    [policy, state.extensionId],
  );

  const chooseFile = () => fileInput.current?.click();
  const fileChosen = (event: Event) => {
    const input = event.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    // Cleared, so choosing the same file again (after fixing it) imports it again.
    input.value = '';
    if (file) onImportFile(file);
  };

  const copy = async (snippet: PolicySnippet, title: string) => {
    try {
      await copyText(snippet.content);
      announce(t('options_snippet_copied', title));
    } catch {
      // Select the text so the user can copy it with the keyboard.
      const pre = document.getElementById(`snippet-${snippet.id}`);
      const selection = pre ? window.getSelection() : null;
      if (pre && selection) selection.selectAllChildren(pre);
      announce(t('options_snippet_copy_failed'), true);
    }
  };

  return (
    <section class="card panel profile-panel" aria-labelledby="profile-heading">
      <h2 id="profile-heading">{t('options_profile_heading')}</h2>
      <p class="muted">{t('options_profile_explain')}</p>
      {state.managedPolicy ? <p class="muted">{t('options_profile_managed_note')}</p> : null}

      <div class="actions">
        <button type="button" class="button" ref={importButton} disabled={busy} onClick={chooseFile}>
          {t('options_profile_import')}
        </button>
        <input
          ref={fileInput}
          type="file"
          accept=".json,application/json"
          class="file-input"
          hidden
          tabIndex={-1}
          aria-hidden="true"
          data-testid="profile-file"
          onChange={fileChosen}
        />
        {state.importedPolicy ? (
          <button type="button" class="button" disabled={busy} onClick={onRemove}>
            {t('options_profile_remove')}
          </button>
        ) : null}
        <a class="button" href={exportUrl ?? undefined} download={EXPORT_FILE_NAME} aria-describedby="export-hint">
          {t('options_profile_export')}
        </a>
      </div>
      <p class="choice-hint" id="export-hint">
        {state.managedPolicy || state.importedPolicy ? t('options_profile_export_hint') : t('options_profile_export_hint_user')}
      </p>

      {importProblems ? (
        <div class="notice notice-error import-errors" role="alert">
          <p class="notice-title">{t('options_profile_import_failed')}</p>
          <ul>
            {importProblems.map((problem, index) => (
              <li key={`${problem.path}-${index}`}>
                <code>{problem.path || t('options_profile_problem_whole')}</code>: {problemText(problem, i18n)}
              </li>
            ))}
          </ul>
        </div>
      ) : null}

      <details class="snippets">
        <summary>{t('options_snippets_summary')}</summary>
        <div class="snippets-body">
          <p class="muted">{t('options_snippets_intro')}</p>
          {snippets.map((snippet) => {
            const title = t(snippetTitleKey(snippet.id));
            const headingId = `snippet-${snippet.id}-heading`;
            return (
              <section class="snippet" key={snippet.id} aria-labelledby={headingId} data-snippet={snippet.id}>
                <div class="snippet-head">
                  <h3 id={headingId}>{title}</h3>
                  <button
                    type="button"
                    class="button button-small"
                    aria-label={t('options_snippet_copy_label', title)}
                    onClick={() => void copy(snippet, title)}
                  >
                    {t('options_snippet_copy')}
                  </button>
                </div>
                <dl class="snippet-where">
                  <div>
                    <dt>{t('options_snippet_location')}</dt>
                    <dd>
                      <code>{snippet.location}</code>
                    </dd>
                  </div>
                  <div>
                    <dt>{t('options_snippet_file')}</dt>
                    <dd>
                      <code>{snippet.fileName}</code>
                    </dd>
                  </div>
                </dl>
                {/* Long lines scroll sideways: the box takes focus so the keyboard can scroll it, and says which snippet it is. */}
                <pre id={`snippet-${snippet.id}`} class="snippet-content" tabIndex={0} role="group" aria-labelledby={headingId}>
                  <code>{snippet.content}</code>
                </pre>
              </section>
            );
          })}
        </div>
      </details>
    </section>
  );
}
