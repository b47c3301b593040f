import { formatIsoDate, formatList, regionName } from '../../core/i18n/format.ts';
import { audienceList, statementFor } from '../../core/i18n/restriction-text.ts';
import type { Standing, WarningLevel } from '../../core/vendors/standing.ts';
import {
  restrictionAuthorityKey,
  restrictionEffectiveKey,
  restrictionEffectKey,
  restrictionSummaryKey,
  restrictionTitleKey,
  vendorExistingUsersKey,
  vendorMigrationKey,
} from '../../core/i18n/keys.ts';
import { optionalMessage, type I18n } from '../../core/i18n/translate.ts';
import type { Alternative, RestrictionRecord } from '../../core/vendors/types.ts';
import type { VendorView } from '../../platform/messages.ts';
import { ExternalLink } from './ExternalLink.tsx';
import { displayHost, lastEffectiveDate } from './format.ts';
import { isOrganizationVendor, isPolicyRecord, vendorDisplayName } from './vendor-view.ts';

/**
 * The vendor's restrictions in a few sentences for its reader: the most relevant action first,
 * or at the notice level what the restriction is and is not (core/i18n/restriction-text.ts), or
 * an organisation's own text as written; null when none.
 */
export function restrictionLead(vendor: VendorView, i18n: I18n, level: WarningLevel = 'warning'): string | null {
  return statementFor(level, vendor, i18n);
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
export function RestrictionCard({ record, standing, i18n }: { record: RestrictionRecord; standing?: Standing; i18n: I18n }) {
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
    record.effect ? (
      <div key="effect">
        <dt class="visually-hidden">{t('popup_label_effect')}</dt>
        <dd class="record-effect">{t(restrictionEffectKey(record.effect))}</dd>
      </div>
    ) : null,
    record.appliesTo.length > 0 && record.jurisdiction ? (
      <div key="applies">
        <dt class="visually-hidden">{t('popup_label_applies_to')}</dt>
        <dd class="record-applies">
          {t('popup_applies_in', [audienceList(record, i18n), regionName(record.jurisdiction, locale)])}
          {standing?.forReader ? <strong class="record-for-you"> · {t('popup_applies_to_you')}</strong> : null}
        </dd>
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

/** The records of one group, in the order given (most relevant first). */
export function RestrictionList({ vendor, ids, i18n }: { vendor: VendorView; ids: readonly string[]; i18n: I18n }) {
  return (
    <ol class="record-list">
      {ids.map((id) => {
        const index = vendor.restrictions.findIndex((record) => record.id === id);
        const record = vendor.restrictions[index];
        return record ? <RestrictionCard key={id} record={record} standing={vendor.standings[index]} i18n={i18n} /> : null;
      })}
    </ol>
  );
}

/** A vendor's records in the groups the reader reads them in (core/vendors/standing.ts), with their headings. */
export function restrictionGroups(
  vendor: VendorView,
  { t, locale }: I18n,
): { key: string; heading: string; note?: string; ids: string[] }[] {
  if (isOrganizationVendor(vendor) || vendor.restrictions.every(isPolicyRecord)) {
    return [
      {
        key: 'organization',
        heading: t(
          isOrganizationVendor(vendor) ? 'popup_restrictions_heading_organization' : 'popup_restrictions_heading_generic',
          vendorDisplayName(vendor, t),
        ),
        ids: vendor.restrictions.map((record) => record.id),
      },
    ];
  }
  const ids = (keep: (standing: Standing) => boolean) => vendor.standings.filter(keep).map((standing) => standing.id);
  const name = vendorDisplayName(vendor, t);
  const { regions } = vendor.reader;
  if (regions.length === 0) {
    return [
      { key: 'all', heading: t('popup_restrictions_heading', name), note: t('popup_restrictions_place_unknown'), ids: ids(() => true) },
    ];
  }
  const place = formatList(
    regions.map((region) => regionName(region, locale)),
    locale,
  );
  const here = ids((standing) => standing.here);
  const forRole = ids((standing) => !standing.here && standing.forReader);
  const elsewhere = ids((standing) => !standing.here && !standing.forReader);
  return [
    {
      key: 'here',
      heading: t('popup_restrictions_here_heading', place),
      note: here.length === 0 ? t('popup_restrictions_none_here', [name, place]) : undefined,
      ids: here,
    },
    ...(forRole.length > 0 ? [{ key: 'role', heading: t('popup_restrictions_role_heading'), ids: forRole }] : []),
    ...(elsewhere.length > 0 ? [{ key: 'elsewhere', heading: t('popup_restrictions_elsewhere_heading'), ids: elsewhere }] : []),
  ];
}

/** Each restriction on the vendor, grouped for the reader ("Where you are", "For your role", "Elsewhere"), with an optional lead. */
export function RestrictionSection({
  vendor,
  i18n,
  lead,
  idPrefix = 'restrictions',
}: {
  vendor: VendorView;
  i18n: I18n;
  lead?: string | null;
  idPrefix?: string;
}) {
  if (vendor.restrictions.length === 0) return null;
  const name = vendorDisplayName(vendor, i18n.t);
  return (
    <>
      {restrictionGroups(vendor, i18n).map((group, index) => {
        const headingId = `${idPrefix}-${group.key}-${vendor.id}`;
        return (
          <section key={group.key} class="section" aria-labelledby={headingId} data-restriction-group={group.key}>
            <h2 id={headingId}>
              {group.heading}
              {/* Several vendors on one page: screen readers tell their groups apart by the vendor's name. */}
              {group.heading.includes(name) ? null : <span class="visually-hidden"> ({name})</span>}
            </h2>
            {index === 0 && lead ? <p class="section-intro">{lead}</p> : null}
            {group.note ? <p class="section-note">{group.note}</p> : null}
            {group.ids.length > 0 ? <RestrictionList vendor={vendor} ids={group.ids} i18n={i18n} /> : null}
          </section>
        );
      })}
    </>
  );
}

/** What the restriction means for people who already have the vendor's software (built-in vendors only). */
export function ExistingUsersSection({ vendor, i18n }: { vendor: VendorView; i18n: I18n }) {
  const { t, locale } = i18n;
  const since = vendor.primary ? lastEffectiveDate(vendor.primary) : null;
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
