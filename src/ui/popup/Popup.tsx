import { useEffect, useState } from 'preact/hooks';
import type { VendorDefinition } from '../../core/vendors/types.ts';
import type { TabState } from '../../platform/messages.ts';
import { reasonMessageKey } from '../components/format.ts';
import type { I18n } from '../components/i18n.ts';
import { ShieldMark } from '../components/ShieldMark.tsx';
import { restrictionLead, VendorDetails } from '../components/VendorDetails.tsx';
import { popupView, silenceMessageKey, type PopupView } from './view.ts';

export interface PopupProps {
  i18n: I18n;
  /** The state of the tab the popup is about (from the background). */
  loadTabState: () => Promise<TabState | null>;
  /** The restricted vendors, in registry order. */
  vendors: readonly VendorDefinition[];
  onOpenSettings: () => void;
}

type Loaded = { status: 'loading' } | { status: 'ready'; view: PopupView } | { status: 'error' };

export function Popup({ i18n, loadTabState, vendors, onOpenSettings }: PopupProps) {
  const { t } = i18n;
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });

  useEffect(() => {
    let live = true;
    loadTabState().then(
      (state) => live && setLoaded({ status: 'ready', view: popupView(state) }),
      () => live && setLoaded({ status: 'error' }),
    );
    return () => {
      live = false;
    };
  }, [loadTabState]);

  const vendorById = (id: string | null) => (id ? vendors.find((vendor) => vendor.id === id) : undefined);

  let status;
  let detailVendors: readonly VendorDefinition[] = vendors;
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
    const vendor = vendorById(view.vendorId);
    const vendorName = vendor?.name ?? view.vendorId ?? '';
    detailVendors = vendor ? [vendor] : vendors;
    leadInStatus = Boolean(vendor);
    const lead = vendor ? restrictionLead(vendor, i18n) : null;
    status = (
      <section class="status status-flagged" aria-labelledby="status-heading">
        <p class="status-eyebrow">
          <WarningIcon />
          <span>{view.site}</span>
        </p>
        <h1 id="status-heading">
          {t(view.pageKind === 'purchase' ? 'popup_headline_purchase' : 'popup_headline_download', vendorName)}
        </h1>
        {lead ? <p class="status-lead">{lead}</p> : null}
        {view.reasons.length > 0 ? (
          <>
            <h2 class="status-subheading">{t('popup_reasons_heading')}</h2>
            <ul class="reason-list">
              {view.reasons.map((code) => (
                <li key={code}>{t(reasonMessageKey(code))}</li>
              ))}
            </ul>
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
  } else {
    const view = loaded.view;
    const vendor = vendorById(view.vendorId);
    if (vendor) detailVendors = [vendor];
    status = (
      <section class="status status-clear" aria-labelledby="status-heading">
        {view.site ? (
          <p class="status-eyebrow">
            <CheckIcon />
            <span>{view.site}</span>
          </p>
        ) : null}
        <h1 id="status-heading">{t('popup_nothing_heading')}</h1>
        {vendor ? <p>{t('popup_vendor_page_note', vendor.name)}</p> : null}
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
        {detailVendors.map((vendor) => (
          <VendorDetails
            key={vendor.id}
            vendor={vendor}
            i18n={i18n}
            lead={leadInStatus ? null : restrictionLead(vendor, i18n)}
          />
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

function CheckIcon() {
  return (
    <svg class="status-icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <circle cx="8" cy="8" r="7" fill="currentColor" />
      <path d="m4.8 8.2 2.1 2.1 4.3-4.5" fill="none" stroke="var(--ok-bg)" stroke-width="1.7" stroke-linecap="round" stroke-linejoin="round" />
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
