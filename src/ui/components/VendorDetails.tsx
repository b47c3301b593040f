import type { VendorDefinition } from '../../core/vendors/types.ts';
import { ExternalLink } from './ExternalLink.tsx';
import {
  displayHost,
  formatIsoDate,
  lastEffectiveDate,
  newestFirst,
  optionalMessage,
  restrictionEffectiveKey,
  restrictionSummaryKey,
  restrictionTitleKey,
} from './format.ts';
import type { I18n } from './i18n.ts';

/**
 * The one-line summary of a vendor's main restriction with its effective dates filled in
 * (`banner_restriction_<id>`, for the vendor's primary restriction first, then the newest
 * record that has such a message), or null.
 */
export function restrictionLead(vendor: VendorDefinition, { t, locale }: I18n): string | null {
  const primary = vendor.restrictions.filter((record) => record.id === vendor.primaryRestriction);
  for (const record of [...primary, ...newestFirst(vendor.restrictions)]) {
    const dates = record.effective.map((step) => formatIsoDate(step.date, locale));
    const text = optionalMessage(t, `banner_restriction_${record.id}`, dates);
    if (text) return text;
  }
  return null;
}

/** Each government restriction on the vendor: what, who, when, and a link to the primary text. */
export function RestrictionSection({ vendor, i18n, lead }: { vendor: VendorDefinition; i18n: I18n; lead?: string | null }) {
  const { t, locale } = i18n;
  const headingId = `restrictions-${vendor.id}`;
  return (
    <section class="section" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('popup_restrictions_heading', vendor.name)}</h2>
      {lead ? <p class="section-intro">{lead}</p> : null}
      <ol class="record-list">
        {newestFirst(vendor.restrictions).map((record) => {
          const title = optionalMessage(t, restrictionTitleKey(record)) ?? record.citation;
          const summary = optionalMessage(t, restrictionSummaryKey(record));
          const host = displayHost(record.sourceUrl);
          return (
            <li class="card record" key={record.id} data-restriction={record.id}>
              <h3>{title}</h3>
              <dl class="record-meta">
                <div>
                  <dt class="visually-hidden">{t('popup_label_date')}</dt>
                  <dd>
                    <time dateTime={record.date}>{formatIsoDate(record.date, locale)}</time>
                  </dd>
                </div>
                <div>
                  <dt class="visually-hidden">{t('popup_label_authority')}</dt>
                  <dd>{record.authority}</dd>
                </div>
                <div>
                  <dt class="visually-hidden">{t('popup_label_citation')}</dt>
                  <dd class="record-citation">{record.citation}</dd>
                </div>
              </dl>
              {summary ? <p>{summary}</p> : null}
              {record.effective.length > 0 ? (
                <ul class="record-steps">
                  {record.effective.map((step, index) => {
                    const change = optionalMessage(t, restrictionEffectiveKey(record, index));
                    return (
                      <li key={`${step.date}-${index}`}>
                        <span class="step-date">
                          <time dateTime={step.date}>{t('popup_effective_from', formatIsoDate(step.date, locale))}</time>
                        </span>
                        {change}
                      </li>
                    );
                  })}
                </ul>
              ) : null}
              <p class="record-links">
                <span>
                  <ExternalLink href={record.sourceUrl}>{t('popup_source_link')}</ExternalLink>
                  {host ? <span class="muted"> · {host}</span> : null}
                </span>
                {record.infoUrl ? (
                  <span>
                    <ExternalLink href={record.infoUrl}>{t('popup_info_link')}</ExternalLink>
                    {displayHost(record.infoUrl) ? <span class="muted"> · {displayHost(record.infoUrl)}</span> : null}
                  </span>
                ) : null}
              </p>
            </li>
          );
        })}
      </ol>
    </section>
  );
}

/** What the restriction means for people who already have the vendor's software. */
export function ExistingUsersSection({ vendor, i18n }: { vendor: VendorDefinition; i18n: I18n }) {
  const { t, locale } = i18n;
  const since = lastEffectiveDate(vendor);
  const existing = optionalMessage(t, `vendor_${vendor.id}_existing_users`, since ? formatIsoDate(since, locale) : '');
  const migration = optionalMessage(t, `vendor_${vendor.id}_migration`);
  if (!existing && !migration) return null;
  const headingId = `existing-${vendor.id}`;
  return (
    <section class="section" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('popup_existing_heading')}</h2>
      {existing ? <p>{existing}</p> : null}
      {migration ? <p>{migration}</p> : null}
    </section>
  );
}

/** Other vendors, as links, listed neutrally. */
export function AlternativesSection({ vendor, i18n }: { vendor: VendorDefinition; i18n: I18n }) {
  const { t } = i18n;
  if (vendor.alternatives.length === 0) return null;
  const headingId = `alternatives-${vendor.id}`;
  return (
    <section class="section" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('popup_alternatives_heading')}</h2>
      <ul class="alternative-list">
        {vendor.alternatives.map((alternative) => {
          const note = alternative.noteKey ? optionalMessage(t, alternative.noteKey) : null;
          return (
            <li key={alternative.name}>
              <ExternalLink href={alternative.url}>{alternative.name}</ExternalLink>
              {note ? <span class="alternative-note">{note}</span> : null}
            </li>
          );
        })}
      </ul>
      <p class="fine-print">{t('popup_not_endorsement')}</p>
    </section>
  );
}

/** Everything the popup explains about one vendor. */
export function VendorDetails({ vendor, i18n, lead }: { vendor: VendorDefinition; i18n: I18n; lead?: string | null }) {
  return (
    <>
      <RestrictionSection vendor={vendor} i18n={i18n} lead={lead ?? null} />
      <ExistingUsersSection vendor={vendor} i18n={i18n} />
      <AlternativesSection vendor={vendor} i18n={i18n} />
    </>
  );
}
