import { formatIsoDate } from '../../core/i18n/format.ts';
import {
  restrictionAuthorityKey,
  restrictionEffectiveKey,
  restrictionLineKey,
  restrictionSummaryKey,
  restrictionTitleKey,
  vendorExistingUsersKey,
  vendorMigrationKey,
} from '../../core/i18n/keys.ts';
import { optionalMessage, type I18n } from '../../core/i18n/translate.ts';
import type { Alternative, RestrictionRecord } from '../../core/vendors/types.ts';
import type { VendorView } from '../../platform/messages.ts';
import { ExternalLink } from './ExternalLink.tsx';
import { displayHost, lastEffectiveDate, newestFirst } from './format.ts';
import { isOrganizationVendor, isPolicyRecord, vendorDisplayName } from './vendor-view.ts';

/**
 * The one-line summary of a vendor's main restriction: an organisation's own text as written,
 * or for built-in records `banner_restriction_<id>` with the effective dates filled in (the
 * vendor's primary restriction first, then the newest record that has such a message), or null.
 */
export function restrictionLead(vendor: Pick<VendorView, 'restriction' | 'restrictions'>, { t, locale }: I18n): string | null {
  const primary = vendor.restriction ? [vendor.restriction] : [];
  for (const record of [...primary, ...newestFirst(vendor.restrictions)]) {
    if (isPolicyRecord(record)) {
      if (record.summary.trim()) return record.summary;
      continue;
    }
    const dates = record.effective.map((step) => formatIsoDate(step.date, locale));
    const text = optionalMessage(t, restrictionLineKey(record), dates);
    if (text) return text;
  }
  return null;
}

/** The record's title: the localized title of a built-in record, or for an organisation's record who set it. */
export function restrictionTitle(record: RestrictionRecord, { t }: I18n): string {
  if (isPolicyRecord(record)) {
    if (record.citation) return record.citation;
    return record.authority ? t('restriction_policy_title_by', record.authority) : t('restriction_policy_title');
  }
  return optionalMessage(t, restrictionTitleKey(record)) ?? record.citation;
}

/** A link to where the restriction is written down, with the host it goes to. */
export function RestrictionSourceLink({ record, i18n }: { record: RestrictionRecord; i18n: I18n }) {
  const { t } = i18n;
  if (!record.sourceUrl) return null;
  const host = displayHost(record.sourceUrl);
  return (
    <span>
      <ExternalLink href={record.sourceUrl}>
        {t(isPolicyRecord(record) ? 'restriction_policy_source_link' : 'popup_source_link')}
      </ExternalLink>
      {host ? <span class="muted"> · {host}</span> : null}
    </span>
  );
}

/** One government (or organisation) restriction: what, who, when, and a link to the text. */
export function RestrictionCard({ record, i18n }: { record: RestrictionRecord; i18n: I18n }) {
  const { t, locale } = i18n;
  const policy = isPolicyRecord(record);
  const title = restrictionTitle(record, i18n);
  const summary = policy ? record.summary : optionalMessage(t, restrictionSummaryKey(record));
  // An organisation's record names its author in the title already; a built-in record's authority is translated.
  const authority = policy ? '' : (optionalMessage(t, restrictionAuthorityKey(record)) ?? record.authority);
  const citation = record.citation && record.citation !== title ? record.citation : '';
  const meta = [
    record.date ? (
      <div key="date">
        <dt class="visually-hidden">{t('popup_label_date')}</dt>
        <dd>
          <time dateTime={record.date}>{formatIsoDate(record.date, locale)}</time>
        </dd>
      </div>
    ) : null,
    authority ? (
      <div key="authority">
        <dt class="visually-hidden">{t('popup_label_authority')}</dt>
        <dd>{authority}</dd>
      </div>
    ) : null,
    citation ? (
      <div key="citation">
        <dt class="visually-hidden">{t('popup_label_citation')}</dt>
        <dd class="record-citation">{citation}</dd>
      </div>
    ) : null,
  ].filter(Boolean);
  return (
    <li class={policy ? 'card record record-policy' : 'card record'} data-restriction={record.id}>
      <h3>{title}</h3>
      {meta.length > 0 ? <dl class="record-meta">{meta}</dl> : null}
      {summary ? <p class={policy ? 'record-summary as-written' : 'record-summary'}>{summary}</p> : null}
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
      {record.sourceUrl || record.infoUrl ? (
        <p class="record-links">
          <RestrictionSourceLink record={record} i18n={i18n} />
          {record.infoUrl ? (
            <span>
              <ExternalLink href={record.infoUrl}>{t('popup_info_link')}</ExternalLink>
              {displayHost(record.infoUrl) ? <span class="muted"> · {displayHost(record.infoUrl)}</span> : null}
            </span>
          ) : null}
        </p>
      ) : null}
    </li>
  );
}

/** The heading over a vendor's restrictions: US records say so; an organisation's own are worded as its reasons. */
export function restrictionsHeading(vendor: Pick<VendorView, 'id' | 'name' | 'restrictions'>, { t }: I18n): string {
  if (isOrganizationVendor(vendor)) return t('popup_restrictions_heading_organization');
  const usOnly =
    vendor.restrictions.length > 0 && vendor.restrictions.every((record) => !isPolicyRecord(record) && record.jurisdiction === 'US');
  return t(usOnly ? 'popup_restrictions_heading' : 'popup_restrictions_heading_generic', vendorDisplayName(vendor, t));
}

/** The list of restriction records, newest first. */
export function RestrictionList({ records, i18n }: { records: readonly RestrictionRecord[]; i18n: I18n }) {
  return (
    <ol class="record-list">
      {newestFirst(records).map((record) => (
        <RestrictionCard key={record.id} record={record} i18n={i18n} />
      ))}
    </ol>
  );
}

/** Each restriction on the vendor, under a heading, with an optional one-line lead. */
export function RestrictionSection({ vendor, i18n, lead }: { vendor: VendorView; i18n: I18n; lead?: string | null }) {
  if (vendor.restrictions.length === 0) return null;
  const headingId = `restrictions-${vendor.id}`;
  return (
    <section class="section" aria-labelledby={headingId}>
      <h2 id={headingId}>{restrictionsHeading(vendor, i18n)}</h2>
      {lead ? <p class="section-intro">{lead}</p> : null}
      <RestrictionList records={vendor.restrictions} i18n={i18n} />
    </section>
  );
}

/** What the restriction means for people who already have the vendor's software (built-in vendors only). */
export function ExistingUsersSection({ vendor, i18n }: { vendor: VendorView; i18n: I18n }) {
  const { t, locale } = i18n;
  const since = lastEffectiveDate(vendor);
  const existing = optionalMessage(t, vendorExistingUsersKey(vendor), since ? formatIsoDate(since, locale) : '');
  const migration = optionalMessage(t, vendorMigrationKey(vendor));
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

/**
 * Other vendors, as links, listed neutrally; nothing at all when the list is empty. Where several
 * vendors are explained on one page, `vendorName` tells their alternatives apart for screen readers.
 */
export function AlternativesSection({
  alternatives,
  i18n,
  idSuffix,
  vendorName,
}: {
  alternatives: readonly Alternative[];
  i18n: I18n;
  idSuffix: string;
  vendorName?: string;
}) {
  const { t } = i18n;
  if (alternatives.length === 0) return null;
  const headingId = `alternatives-${idSuffix}`;
  return (
    <section class="section" aria-labelledby={headingId}>
      <h2 id={headingId}>
        {t('popup_alternatives_heading')}
        {vendorName ? <span class="visually-hidden"> ({vendorName})</span> : null}
      </h2>
      <ul class="alternative-list">
        {alternatives.map((alternative) => {
          const note = alternative.noteKey ? optionalMessage(t, alternative.noteKey) : null;
          return (
            <li key={`${alternative.name} ${alternative.url}`}>
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
export function VendorDetails({ vendor, i18n, lead }: { vendor: VendorView; i18n: I18n; lead?: string | null }) {
  return (
    <>
      <RestrictionSection vendor={vendor} i18n={i18n} lead={lead ?? null} />
      <ExistingUsersSection vendor={vendor} i18n={i18n} />
      <AlternativesSection
        alternatives={vendor.alternatives}
        i18n={i18n}
        idSuffix={vendor.id}
        vendorName={vendorDisplayName(vendor, i18n.t)}
      />
    </>
  );
}
