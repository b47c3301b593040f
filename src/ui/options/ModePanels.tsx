import { overLimitText } from '../../core/i18n/coded.ts';
import { formatCount } from '../../core/i18n/format.ts';
import type { I18n } from '../../core/i18n/translate.ts';
import type { LockedKey } from '../../core/policy/merge.ts';
import type { Settings } from '../../core/policy/settings.ts';
import type { OptionsState } from '../../platform/messages.ts';
import { RadioGroup, type Choice } from './Choices.tsx';

interface ModePanelProps {
  state: OptionsState;
  i18n: I18n;
  /** Saves the user's settings with this change. */
  save: (next: Settings) => void;
}

const isLocked = (state: OptionsState, key: LockedKey) => state.locked.includes(key);

/** Warn, block or do nothing on restricted vendors' pages; in block mode, how the blocking rules fit the browser. */
export function WarningsPanel({ state, i18n, save }: ModePanelProps) {
  const { t } = i18n;
  const { settings, effective } = state;
  const modeChoices: Choice<Settings['mode']>[] = [
    { value: 'warn', label: t('options_mode_warn'), hint: t('options_mode_warn_hint') },
    { value: 'block', label: t('options_mode_block'), hint: t('options_mode_block_hint') },
    { value: 'off', label: t('options_mode_off'), hint: t('options_mode_off_hint') },
  ];
  return (
    <section class="card panel" aria-labelledby="warnings-heading">
      <RadioGroup
        name="mode"
        legend={t('options_warnings_legend')}
        legendId="warnings-heading"
        choices={modeChoices}
        value={effective.mode}
        lockedNoteId={isLocked(state, 'mode') ? 'mode-locked' : null}
        i18n={i18n}
        onSelect={(mode) => {
          if (settings.mode !== mode) save({ ...settings, mode });
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
  );
}

/** What happens to installer downloads from restricted vendors. */
export function DownloadsPanel({ state, i18n, save }: ModePanelProps) {
  const { t } = i18n;
  const { settings, effective } = state;
  const downloadChoices: Choice<Settings['downloadGuard']>[] = [
    { value: 'warn', label: t('options_download_warn'), hint: t('options_download_warn_hint') },
    { value: 'block', label: t('options_download_block'), hint: t('options_download_block_hint') },
    { value: 'off', label: t('options_download_off'), hint: t('options_download_off_hint') },
  ];
  return (
    <section class="card panel" aria-labelledby="downloads-heading">
      <RadioGroup
        name="downloadGuard"
        legend={t('options_downloads_legend')}
        legendId="downloads-heading"
        choices={downloadChoices}
        value={effective.downloadGuard}
        lockedNoteId={isLocked(state, 'downloadGuard') ? 'downloadGuard-locked' : null}
        i18n={i18n}
        onSelect={(downloadGuard) => {
          if (settings.downloadGuard !== downloadGuard) save({ ...settings, downloadGuard });
        }}
      />
    </section>
  );
}
