import { useEffect, useRef, useState } from 'preact/hooks';
import { isFlagged } from '../../core/classify/verdict.ts';
import { headlineKind, warningHeadline } from '../../core/i18n/restriction-text.ts';
import type { I18n } from '../../core/i18n/translate.ts';
import type { BlockInfo } from '../../platform/messages.ts';
import { ExternalLink } from '../components/ExternalLink.tsx';
import { isWebUrl } from '../components/format.ts';
import { hasContact, OrganizationContact, OrganizationMessage } from '../components/Organization.tsx';
import { ReasonList } from '../components/Reasons.tsx';
import { AlternativesSection, restrictionLead, RestrictionSection, RestrictionSourceLink } from '../components/VendorDetails.tsx';
import { isOrganizationVendor, vendorDisplayName } from '../components/vendor-view.ts';
import { backPlan, canProceedTo, reportMailto } from './view.ts';
import { Stroke } from '../components/Stroke.tsx';

/** The browser calls the page needs, so tests can watch them. */
export interface PageNavigation {
  historyLength(): number;
  go(delta: number): void;
  /** window.close(): only works for tabs the browser lets a script close. */
  close(): void;
  replace(url: string): void;
  /** Runs the callback after `ms` unless the page has been left by then. */
  later(callback: () => void, ms: number): void;
}

export interface BlockedProps {
  i18n: I18n;
  /** The blocked URL, from the page's fragment. */
  url: string;
  replaced: boolean;
  /** The warning in place of a page that kept hiding it (see view.ts BlockedLocation), not a block. */
  warned?: boolean;
  loadBlockInfo: (url: string) => Promise<BlockInfo>;
  proceed: (url: string, remember: boolean) => Promise<{ ok: boolean }>;
  navigation: PageNavigation;
}

type Loaded = { status: 'loading' } | { status: 'ready'; info: BlockInfo } | { status: 'error' };
type Notice = null | 'close-tab' | 'proceed-failed';

/** How long to wait for window.close() to take the page away before saying "you can close this tab". */
export const CLOSE_TIMEOUT_MS = 800;
/**
 * How long to wait for history.go() to leave the page before saying so. Longer: the previous
 * page may be slow to load, and nothing destructive (like closing the tab) happens after it.
 */
export const BACK_TIMEOUT_MS = 3000;

export function Blocked({ i18n, url, replaced, warned = false, loadBlockInfo, proceed, navigation }: BlockedProps) {
  const { t } = i18n;
  const [loaded, setLoaded] = useState<Loaded>({ status: url ? 'loading' : 'error' });
  const [detailsOpen, setDetailsOpen] = useState(false);
  const [remember, setRemember] = useState(false);
  const [proceeding, setProceeding] = useState(false);
  const [notice, setNotice] = useState<Notice>(null);
  const backButton = useRef<HTMLButtonElement>(null);
  const addressBox = useRef<HTMLElement>(null);

  useEffect(() => {
    backButton.current?.focus();
  }, []);

  // A very long address scrolls inside its box: then the box takes keyboard focus, so it can be scrolled without a mouse.
  useEffect(() => {
    const box = addressBox.current;
    if (!box) return;
    if (box.scrollHeight > box.clientHeight + 1) box.tabIndex = 0;
    else box.removeAttribute('tabindex');
  }, [url]);

  useEffect(() => {
    if (!url) return;
    let live = true;
    loadBlockInfo(url).then(
      (info) => live && setLoaded({ status: 'ready', info }),
      () => live && setLoaded({ status: 'error' }),
    );
    return () => {
      live = false;
    };
  }, [url, loadBlockInfo]);

  const info = loaded.status === 'ready' ? loaded.info : null;
  const vendor = info?.vendor ?? null;
  const organization = info?.organization ?? null;
  const byOrganization = isOrganizationVendor(vendor);
  // The page that kept hiding a notice (a maker's page, for a private reader) gets the notice's calmer words.
  const level = warned && info ? info.level : 'warning';
  const warnedKey = (key: 'warned_heading' | 'warned_overpowered' | 'warned_proceed_explain') =>
    level === 'notice' ? `${key}_notice` : key;

  useEffect(() => {
    if (warned && info) document.title = t(info.level === 'notice' ? 'banner_label_notice' : 'warned_title');
  }, [warned, info, t]);

  const closeTab = () => {
    navigation.close();
    navigation.later(() => setNotice('close-tab'), CLOSE_TIMEOUT_MS);
  };

  const goBack = () => {
    setNotice(null);
    const plan = backPlan(navigation.historyLength(), replaced);
    if (plan.kind === 'close') {
      closeTab();
      return;
    }
    navigation.go(-plan.steps);
    // history.length also counts forward entries: when there was nothing behind us, we are still here.
    navigation.later(() => setNotice('close-tab'), BACK_TIMEOUT_MS);
  };

  const proceedToPage = async () => {
    if (!info || proceeding) return;
    setProceeding(true);
    setNotice(null);
    try {
      const result = await proceed(url, !warned && info.allowUserAllowlist && remember);
      if (result.ok) {
        navigation.replace(url);
        return;
      }
      setNotice('proceed-failed');
    } catch {
      setNotice('proceed-failed');
    }
    setProceeding(false);
  };

  const heading = warned
    ? t(warnedKey('warned_heading'))
    : organization?.name
      ? t('blocked_heading_org', organization.name)
      : t('blocked_heading');
  let lede: string;
  if (!url) lede = t('blocked_no_url');
  else if (loaded.status === 'loading') lede = t('blocked_loading');
  else if (loaded.status === 'error') lede = t('blocked_load_failed');
  else if (byOrganization) lede = t('blocked_lede_organization');
  else if (vendor && isFlagged(loaded.info.verdict) && level === 'notice')
    lede = warningHeadline('notice', loaded.info.verdict.kind, vendor, i18n);
  else if (vendor && isFlagged(loaded.info.verdict)) {
    const ledes = {
      purchase: 'blocked_lede_purchase',
      products: 'blocked_lede_purchase_products',
      download: 'blocked_lede_download',
    } as const;
    lede = t(ledes[headlineKind(loaded.info.verdict.kind, vendor)], vendorDisplayName(vendor, t));
  } else lede = t('blocked_lede_rule');

  const lead = vendor && !byOrganization ? restrictionLead(vendor, i18n, level) : null;
  // A warning (not a block) always lets the person go on, as the in-page banner's "Dismiss" would.
  const canProceed = (warned || Boolean(info?.allowProceed)) && canProceedTo(url);
  const supportUrl = organization && isWebUrl(organization.supportUrl) ? organization.supportUrl : '';
  const reasons = info ? info.verdict.reasons : [];

  return (
    <div class="blocked-page">
      <main class="blocked" aria-labelledby="blocked-heading" aria-busy={loaded.status === 'loading' ? 'true' : undefined}>
        <BlockedMark />
        <h1 id="blocked-heading">{heading}</h1>
        <p class="blocked-lede">{lede}</p>
        {warned ? <p class="blocked-warned">{t(warnedKey('warned_overpowered'))}</p> : null}
        {lead ? (
          <p class="blocked-restriction">
            <span class={vendor?.restriction?.summary !== undefined ? 'as-written' : undefined}>{lead}</span>{' '}
            {vendor?.restriction ? <RestrictionSourceLink record={vendor.restriction} i18n={i18n} /> : null}
          </p>
        ) : null}

        {organization ? (
          organization.message.trim() ? (
            <OrganizationMessage organization={organization} i18n={i18n} />
          ) : hasContact(organization) ? (
            <OrganizationContact organization={organization} i18n={i18n} />
          ) : null
        ) : null}

        {url ? (
          <dl class="blocked-address">
            <dt class="blocked-url-label">{t(warned ? 'warned_url_label' : 'blocked_url_label')}</dt>
            <dd class="blocked-url" ref={addressBox}>
              {url}
            </dd>
          </dl>
        ) : null}

        <div class="blocked-actions">
          <button type="button" class="button button-primary button-large" ref={backButton} autoFocus onClick={goBack}>
            {t('blocked_back')}
          </button>
          {info ? (
            <button
              type="button"
              class="button button-large details-toggle"
              aria-expanded={detailsOpen ? 'true' : 'false'}
              aria-controls="blocked-details"
              onClick={() => setDetailsOpen((open) => !open)}
            >
              {t('blocked_details')}
              <Chevron open={detailsOpen} />
            </button>
          ) : null}
        </div>

        <p class="blocked-notice" role="status" aria-live="polite">
          {notice === 'close-tab' ? t('blocked_close_tab') : notice === 'proceed-failed' ? t('blocked_proceed_failed') : null}
        </p>

        {info ? (
          <div id="blocked-details" class="blocked-details" hidden={!detailsOpen}>
            <section class="section" aria-labelledby="blocked-reasons-heading">
              <h2 id="blocked-reasons-heading">{t(warned ? 'popup_reasons_heading' : 'blocked_reasons_heading')}</h2>
              {reasons.length > 0 ? <ReasonList reasons={reasons} i18n={i18n} /> : <p>{t('blocked_reason_rule')}</p>}
            </section>
            {vendor && !byOrganization ? <RestrictionSection vendor={vendor} i18n={i18n} idPrefix="blocked-restrictions" /> : null}
          </div>
        ) : null}

        {info && canProceed ? (
          <div class="blocked-proceed">
            <p class="muted">{t(warned ? warnedKey('warned_proceed_explain') : 'blocked_proceed_explain')}</p>
            <div class="blocked-proceed-controls">
              {info.allowUserAllowlist && !warned ? (
                <label class="checkbox">
                  <input type="checkbox" checked={remember} onChange={(event) => setRemember(event.currentTarget.checked)} />
                  <span>{t('blocked_remember')}</span>
                </label>
              ) : null}
              <button type="button" class="link-button proceed-button" disabled={proceeding} onClick={() => void proceedToPage()}>
                {t('blocked_proceed')}
              </button>
            </div>
          </div>
        ) : null}

        {vendor ? <AlternativesSection alternatives={vendor.alternatives} i18n={i18n} idSuffix="blocked" /> : null}

        <footer class="blocked-footer">
          {/* "Report a mistake" reports a block; the warning page has nothing blocked to report. */}
          {warned ? null : supportUrl ? (
            <ExternalLink href={supportUrl} class="report-link">
              {t('blocked_report')}
            </ExternalLink>
          ) : (
            <a class="report-link" href={reportMailto(url, info, t, i18n.locale)}>
              {t('blocked_report')}
            </a>
          )}
          <p class="fine-print">{t('popup_not_legal_advice')}</p>
        </footer>
      </main>
    </div>
  );
}

/** A no-entry sign; decorative (the heading says what happened). */
function BlockedMark() {
  return (
    <svg class="blocked-mark" viewBox="0 0 48 48" aria-hidden="true" focusable="false">
      <circle cx="24" cy="24" r="21" fill="none" stroke="currentColor" stroke-width="4" />
      <path d="M13 24h22" stroke="currentColor" stroke-width="5" stroke-linecap="round" />
    </svg>
  );
}

function Chevron({ open }: { open: boolean }) {
  return (
    <svg class={open ? 'chevron chevron-open' : 'chevron'} viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
      <Stroke d="m4 6 4 4 4-4" width={1.8} />
    </svg>
  );
}
