import type { I18n } from '../../core/i18n/translate.ts';
import type { OptionsState } from '../../platform/messages.ts';
import { LockedNote } from './Choices.tsx';

export interface SitesPanelProps {
  state: OptionsState;
  i18n: I18n;
  onRemove: (site: string, index: number) => void;
  onClear: () => void;
  /** Where focus goes after a removal: the next row's button, or the heading when none is left. */
  list: { current: HTMLUListElement | null };
  heading: { current: HTMLHeadingElement | null };
}

/** The sites the person allowed ("Don't warn me again"), each removable, or the organisation's lock. */
export function SitesPanel({ state, i18n, onRemove, onClear, list, heading }: SitesPanelProps) {
  const { t } = i18n;
  const { settings } = state;
  const sitesLocked = state.locked.includes('allowedSites');
  return (
    <section class="card panel" aria-labelledby="sites-heading" aria-describedby={sitesLocked ? 'sites-locked' : undefined}>
      <div class="panel-head">
        <h2 id="sites-heading" ref={heading} tabIndex={-1}>
          {t('options_sites_heading')}
        </h2>
        {sitesLocked ? null : (
          <button type="button" class="button" onClick={onClear} disabled={settings.allowedSites.length === 0}>
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
        <ul class="site-list" ref={list} aria-labelledby="sites-heading">
          {settings.allowedSites.map((site, index) => (
            <li key={site}>
              <span class="site-name">{site}</span>
              <button
                type="button"
                class="button button-small"
                aria-label={t('options_remove_site_label', site)}
                onClick={() => onRemove(site, index)}
              >
                {t('options_remove_site')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
