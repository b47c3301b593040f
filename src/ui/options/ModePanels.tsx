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

/** A setting chosen from warn, block and off, as the options page offers it. */
type WarnBlockOff = 'mode' | 'downloadGuard';

/** The radio group of such a setting, with its lock note when the organisation decides it. */
function WarnBlockOffChoice({
  setting,
  messages,
  headingId,
  state,
  i18n,
  save,
}: ModePanelProps & {
  setting: WarnBlockOff;
  /** Message keys: the group's legend, and each choice's label and hint. */
  messages: { legend: string; choices: Record<Settings[WarnBlockOff], [label: string, hint: string]> };
  headingId: string;
}) {
  const { t } = i18n;
  const { settings, effective } = state;
  const choices = (['warn', 'block', 'off'] as const).map((value): Choice<Settings[WarnBlockOff]> => {
    const [label, hint] = messages.choices[value];
    return { value, label: t(label), hint: t(hint) };
  });
  return (
    <RadioGroup
      name={setting}
      legend={t(messages.legend)}
      legendId={headingId}
      choices={choices}
      value={effective[setting]}
      lockedNoteId={isLocked(state, setting) ? `${setting}-locked` : null}
      i18n={i18n}
      onSelect={(value) => {
        if (settings[setting] !== value) save({ ...settings, [setting]: value });
      }}
    />
  );
}

/** Warn, block or do nothing on restricted vendors' pages; in block mode, how the blocking rules fit the browser. */
export function WarningsPanel(props: ModePanelProps) {
  const { state, i18n } = props;
  const { t } = i18n;
  return (
    <section class="card panel" aria-labelledby="warnings-heading">
      <WarnBlockOffChoice
        {...props}
        setting="mode"
        headingId="warnings-heading"
        messages={{
          legend: 'options_warnings_legend',
          choices: {
            warn: ['options_mode_warn', 'options_mode_warn_hint'],
            block: ['options_mode_block', 'options_mode_block_hint'],
            off: ['options_mode_off', 'options_mode_off_hint'],
          },
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
      ) : state.effective.mode === 'block' ? (
        <p class="fine-print block-rules-count">{t('options_rules_count', formatCount(state.blockRules.counts.rules, i18n.locale))}</p>
      ) : null}
    </section>
  );
}

/** What happens to installer downloads from restricted vendors. */
export function DownloadsPanel(props: ModePanelProps) {
  return (
    <section class="card panel" aria-labelledby="downloads-heading">
      <WarnBlockOffChoice
        {...props}
        setting="downloadGuard"
        headingId="downloads-heading"
        messages={{
          legend: 'options_downloads_legend',
          choices: {
            warn: ['options_download_warn', 'options_download_warn_hint'],
            block: ['options_download_block', 'options_download_block_hint'],
            off: ['options_download_off', 'options_download_off_hint'],
          },
        }}
      />
    </section>
  );
}
