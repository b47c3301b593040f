import { formatList, regionName } from '../../core/i18n/format.ts';
import { readerRoleKey, warnForKey } from '../../core/i18n/keys.ts';
import type { I18n } from '../../core/i18n/translate.ts';
import type { Settings } from '../../core/policy/settings.ts';
import { READER_ROLES, REGION_CODES, WARN_FOR } from '../../core/reader.ts';
import type { OptionsState } from '../../platform/messages.ts';
import { LockedNote, RadioGroup } from './Choices.tsx';

interface ReaderPanelProps {
  state: OptionsState;
  i18n: I18n;
  save: (next: Settings) => void;
}

/** Every region, by its name in the page's language. */
function regionOptions(locale: string): { code: string; name: string }[] {
  const collator = new Intl.Collator(locale || undefined);
  return REGION_CODES.map((code) => ({ code, name: regionName(code, locale) })).sort((a, b) => collator.compare(a.name, b.name));
}

/** "Where you are": the region whose governments' actions come first (automatic: the browser's languages). */
function RegionField({ state, i18n, save }: ReaderPanelProps) {
  const { t, locale } = i18n;
  const { settings, effective, browserRegion } = state;
  if (state.locked.includes('jurisdictions')) {
    const places = formatList(
      effective.jurisdictions.map((code) => regionName(code, locale)),
      locale,
    );
    return (
      <div class="field">
        <p class="field-label" id="region-label">
          {t('options_region_label')}
        </p>
        <p class="region-locked" aria-describedby="region-locked">
          {places}
        </p>
        <LockedNote id="region-locked" i18n={i18n} />
      </div>
    );
  }
  const automatic = browserRegion
    ? t('options_region_automatic', regionName(browserRegion, locale))
    : t('options_region_automatic_unknown');
  return (
    <div class="field">
      <label class="field-label" for="region">
        {t('options_region_label')}
      </label>
      <select
        id="region"
        class="select"
        value={settings.region}
        aria-describedby="region-hint"
        onChange={(event) => save({ ...settings, region: event.currentTarget.value })}
      >
        <option value="">{automatic}</option>
        {regionOptions(locale).map((region) => (
          <option key={region.code} value={region.code}>
            {region.name}
          </option>
        ))}
      </select>
      <p class="field-hint" id="region-hint">
        {t('options_region_hint')}
      </p>
    </div>
  );
}

/** Where the reader is and who they are: what the warnings quote first, and what binds them. */
export function ReaderPanel(props: ReaderPanelProps) {
  const { state, i18n, save } = props;
  const { t } = i18n;
  const { settings, effective } = state;
  return (
    <section class="card panel reader-panel" aria-labelledby="reader-heading">
      <h2 id="reader-heading">{t('options_reader_heading')}</h2>
      <p class="panel-intro">{t('options_reader_intro')}</p>
      <RegionField {...props} />
      <RadioGroup
        name="audience"
        legend={t('options_role_legend')}
        legendId="role-heading"
        choices={READER_ROLES.map((role) => ({ value: role, label: t(readerRoleKey(role)), hint: t(`${readerRoleKey(role)}_hint`) }))}
        value={effective.audience}
        lockedNoteId={state.locked.includes('audience') ? 'audience-locked' : null}
        i18n={i18n}
        onSelect={(audience) => {
          if (settings.audience !== audience) save({ ...settings, audience });
        }}
        level={3}
      />
    </section>
  );
}

/** Which flagged pages get the in-page warning; the badge and the popup explain every one. */
export function WarnForPanel({ state, i18n, save }: ReaderPanelProps) {
  const { t } = i18n;
  const { settings, effective } = state;
  return (
    <section class="card panel" aria-labelledby="warn-for-heading">
      <RadioGroup
        name="warnFor"
        legend={t('options_warn_for_legend')}
        legendId="warn-for-heading"
        choices={WARN_FOR.map((choice) => ({ value: choice, label: t(warnForKey(choice)), hint: t(`${warnForKey(choice)}_hint`) }))}
        value={effective.warnFor}
        lockedNoteId={state.locked.includes('warnFor') ? 'warn-for-locked' : null}
        i18n={i18n}
        onSelect={(warnFor) => {
          if (settings.warnFor !== warnFor) save({ ...settings, warnFor });
        }}
      />
      <p class="fine-print">{t('options_warn_for_note')}</p>
    </section>
  );
}
