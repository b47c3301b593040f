import { useEffect, useState } from 'preact/hooks';
import { warningHeadline } from '../../core/i18n/restriction-text.ts';
import type { I18n } from '../../core/i18n/translate.ts';
import type { VendorDefinition } from '../../core/vendors/types.ts';
import type { BlockInfo, OrganizationView, TabState, VendorView } from '../../platform/messages.ts';
import { OrganizationMessage } from '../components/Organization.tsx';
import { ReasonList } from '../components/Reasons.tsx';
import { ShieldMark } from '../components/ShieldMark.tsx';
import { restrictionLead, VendorDetails } from '../components/VendorDetails.tsx';
import type { Reader } from '../../core/reader.ts';
import { UNKNOWN_READER, vendorViewOf } from '../../core/vendors/view.ts';
import { isOrganizationVendor, vendorDisplayName } from '../components/vendor-view.ts';
import { ScanRequest, type ScanRequestControls } from './ScanRequest.tsx';
import { popupView, silenceMessageKey, type PopupView } from './view.ts';
import { Stroke } from '../components/Stroke.tsx';

export interface PopupProps {
  i18n: I18n;
  /** The state of the tab the popup is about (from the background). */
  loadTabState: () => Promise<TabState | null>;
  /** The organisation's message and contact for a blocked URL (asked only when the tab's decision blocks). */
  loadBlockInfo?: (url: string) => Promise<BlockInfo>;
  /** The built-in restricted vendors, in registry order: explained when the tab shows no vendor. */
  vendors: readonly VendorDefinition[];
  onOpenSettings: () => void;
  /** The organisation's request to allow checking every site, shown while it is not allowed. */
  scanning?: ScanRequestControls;
}

interface Ready {
  status: 'ready';
  view: PopupView;
  /** The vendor as the background describes it (built-in or the organisation's), if any. */
  vendor: VendorView | null;
  blocked: boolean;
  organization: OrganizationView | null;
  /** Whom the background speaks to; unknown when the tab has no record. */
  reader: Reader;
}

type Loaded = { status: 'loading' } | Ready | { status: 'error' };

async function loadAll(loadTabState: PopupProps['loadTabState'], loadBlockInfo: PopupProps['loadBlockInfo']): Promise<Ready> {
  const state = await loadTabState();
  const blocked = Boolean(state?.decision.block);
  let organization: OrganizationView | null = null;
  if (blocked && state && loadBlockInfo) {
    // The message is a courtesy: the popup still explains the page when it cannot be read.
    organization = await loadBlockInfo(state.url).then(
      (info) => info.organization,
      () => null,
    );
  }
  return {
    status: 'ready',
    view: popupView(state),
    vendor: state?.vendor ?? null,
    blocked,
    organization,
    reader: state?.reader ?? UNKNOWN_READER,
  };
}

export function Popup({ i18n, loadTabState, loadBlockInfo, vendors, onOpenSettings, scanning }: PopupProps) {
  const { t } = i18n;
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });

  useEffect(() => {
    let live = true;
    loadAll(loadTabState, loadBlockInfo).then(
      (ready) => live && setLoaded(ready),
      () => live && setLoaded({ status: 'error' }),
    );
    return () => {
      live = false;
    };
  }, [loadTabState, loadBlockInfo]);

  const reader = loaded.status === 'ready' ? loaded.reader : UNKNOWN_READER;
  const builtIn = vendors.map((vendor) => vendorViewOf(vendor, reader));
  /** The background's view of the vendor, else the built-in definition with that id. */
  const vendorFor = (ready: Ready): VendorView | undefined => {
    const id = ready.view.vendorId;
    if (id === null) return undefined;
    if (ready.vendor?.id === id) return ready.vendor;
    return builtIn.find((vendor) => vendor.id === id);
  };

  let status;
  let detailVendors: readonly VendorView[] = builtIn;
  let leadInStatus = false;
  if (loaded.status === 'loading') {
    status = (
      <section class="status status-loading" aria-busy="true">
        <h1>{t('popup_loading')}</h1>
      </section>
    );
    detailVendors = [];
  } else if (loaded.status === 'error') {
    status = (
      <section class="status status-neutral" aria-labelledby="status-heading">
        <h1 id="status-heading">{t('popup_error_heading')}</h1>
        <p>{t('popup_error_body')}</p>
      </section>
    );
  } else if (loaded.view.kind === 'flagged') {
    const view = loaded.view;
    const vendor = vendorFor(loaded);
    const vendorName = vendor ? vendorDisplayName(vendor, t) : (view.vendorId ?? '');
    detailVendors = vendor ? [vendor] : builtIn;
    leadInStatus = Boolean(vendor);
    const notice = view.level === 'notice';
    const lead = vendor && !isOrganizationVendor(vendor) ? restrictionLead(vendor, i18n, view.level) : null;
    const leadAsWritten = vendor?.restriction?.summary !== undefined;
    let headline: string;
    if (isOrganizationVendor(vendor)) headline = t('popup_headline_organization');
    // A notice is information: its heading names the vendor and what it is about, not what the page does.
    else if (vendor) headline = warningHeadline(view.level, view.pageKind, vendor, i18n, 'popup');
    else headline = t(view.pageKind === 'purchase' ? 'popup_headline_purchase' : 'popup_headline_download', vendorName);
    status = (
      <section class={notice ? 'status status-flagged status-notice' : 'status status-flagged'} aria-labelledby="status-heading">
        <p class="status-eyebrow">
          {notice ? <InfoIcon /> : <WarningIcon />}
          <span>{view.site}</span>
        </p>
        <h1 id="status-heading">{headline}</h1>
        {view.frameUrl ? (
          <p class="status-frame">
            {t('popup_frame_note')} <span class="status-frame-url">{view.frameUrl}</span>
          </p>
        ) : null}
        {lead ? <p class={leadAsWritten ? 'status-lead as-written' : 'status-lead'}>{lead}</p> : null}
        {loaded.blocked ? <p class="status-blocked">{t('popup_blocked_note')}</p> : null}
        {view.reasons.length > 0 ? (
          <>
            <h2 class="status-subheading">{t('popup_reasons_heading')}</h2>
            <ReasonList reasons={view.reasons} i18n={i18n} />
          </>
        ) : null}
        {view.silencedBy ? (
          <div class="status-silenced">
            <p>{t(silenceMessageKey(view.silencedBy), view.site)}</p>
            <button type="button" class="link-button" onClick={onOpenSettings}>
              {t('popup_manage_warnings')}
            </button>
          </div>
        ) : null}
      </section>
    );
    if (loaded.blocked && loaded.organization?.message.trim()) {
      status = (
        <>
          {status}
          <OrganizationMessage organization={loaded.organization} i18n={i18n} />
        </>
      );
    }
  } else {
    const vendor = vendorFor(loaded);
    if (vendor) detailVendors = [vendor];
    const site = loaded.view.site;
    status = (
      <section class="status status-clear" aria-labelledby="status-heading">
        {site ? (
          <p class="status-eyebrow">
            <CheckIcon />
            <span>{site}</span>
          </p>
        ) : null}
        <h1 id="status-heading">{t('popup_nothing_heading')}</h1>
        {vendor ? <p>{t('popup_vendor_page_note', vendorDisplayName(vendor, t))}</p> : null}
        <p>{t('popup_nothing_body')}</p>
      </section>
    );
  }

  return (
    <div class="popup">
      <header class="popup-header">
        <div class="brand">
          <ShieldMark />
          <span>{t('extension_name')}</span>
        </div>
      </header>
      <main class="popup-main" aria-busy={loaded.status === 'loading' ? 'true' : undefined}>
        {status}
        {scanning ? <ScanRequest i18n={i18n} controls={scanning} /> : null}
        {detailVendors.map((vendor) => (
          <VendorDetails key={vendor.id} vendor={vendor} i18n={i18n} lead={leadInStatus ? null : restrictionLead(vendor, i18n)} />
        ))}
      </main>
      <footer class="popup-footer">
        <p class="fine-print">{t('popup_not_legal_advice')}</p>
        <button type="button" class="button" onClick={onOpenSettings}>
          <GearIcon />
          {t('popup_settings')}
        </button>
      </footer>
    </div>
  );
}

function WarningIcon() {
  return (
    <svg class="status-icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path d="M8 1.5 15 14H1Z" fill="currentColor" />
      <path d="M8 6v3.6" stroke="var(--warn-bg)" stroke-width="1.6" stroke-linecap="round" />
      <circle cx="8" cy="11.8" r="0.95" fill="var(--warn-bg)" />
    </svg>
  );
}

function InfoIcon() {
  return (
    <svg class="status-icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <circle cx="8" cy="8" r="7" fill="currentColor" />
      <path d="M8 7.2v4.4" stroke="var(--info-bg)" stroke-width="1.6" stroke-linecap="round" />
      <circle cx="8" cy="4.8" r="0.95" fill="var(--info-bg)" />
    </svg>
  );
}

function CheckIcon() {
  return (
    <svg class="status-icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <circle cx="8" cy="8" r="7" fill="currentColor" />
      <Stroke d="m4.8 8.2 2.1 2.1 4.3-4.5" width={1.7} color="var(--ok-bg)" />
    </svg>
  );
}

function GearIcon() {
  return (
    <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path
        d="M8 10.2a2.2 2.2 0 1 0 0-4.4 2.2 2.2 0 0 0 0 4.4Z M13.1 9.4l1.2.9-1.3 2.3-1.4-.5a5 5 0 0 1-1.3.8L10 14.3H7.4l-.3-1.4a5 5 0 0 1-1.3-.8l-1.4.5-1.3-2.3 1.2-.9a5 5 0 0 1 0-1.6l-1.2-.9 1.3-2.3 1.4.5a5 5 0 0 1 1.3-.8L7.4 1.7H10l.3 1.4a5 5 0 0 1 1.3.8l1.4-.5 1.3 2.3-1.2.9a5 5 0 0 1 0 1.6Z"
        fill="none"
        stroke="currentColor"
        stroke-width="1.3"
        stroke-linejoin="round"
      />
    </svg>
  );
}
