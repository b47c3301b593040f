import type { I18n } from '../../core/i18n/translate.ts';
import { builtInVendorOn } from '../../core/policy/merge.ts';
import type { Settings } from '../../core/policy/settings.ts';
import type { OptionsState } from '../../platform/messages.ts';
import { LockedNote } from './Choices.tsx';

/** One switch per built-in vendor: off stops its warnings, badge and marks (the organisation's `vendors` list decides when set). */
export function VendorsPanel({ state, i18n, save }: { state: OptionsState; i18n: I18n; save: (next: Settings) => void }) {
  const { t } = i18n;
  const { settings, effective } = state;
  const locked = state.locked.includes('vendors');
  const toggle = (id: string, on: boolean) => {
    const off = settings.vendorsOff.filter((other) => other !== id);
    save({ ...settings, vendorsOff: on ? off : [...off, id] });
  };
  return (
    <section class="card panel vendors-panel" aria-labelledby="vendors-heading">
      <h2 id="vendors-heading">{t('options_vendors_heading')}</h2>
      <p class="panel-intro" id="vendors-intro">
        {t('options_vendors_intro')}
      </p>
      {locked ? <LockedNote id="vendors-locked" i18n={i18n} /> : null}
      <ul class="vendor-switches">
        {state.builtInVendors.map((vendor) => (
          <li key={vendor.id} class={`switch-row${locked ? ' switch-locked' : ''}`}>
            <input
              type="checkbox"
              role="switch"
              id={`vendor-${vendor.id}`}
              class="switch"
              checked={builtInVendorOn(effective, vendor.id)}
              disabled={locked}
              aria-describedby={locked ? 'vendors-intro vendors-locked' : 'vendors-intro'}
              onChange={(event) => toggle(vendor.id, event.currentTarget.checked)}
            />
            <label for={`vendor-${vendor.id}`} class="switch-label">
              {vendor.name}
            </label>
          </li>
        ))}
      </ul>
    </section>
  );
}
