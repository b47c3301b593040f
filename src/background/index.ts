import { classifyPage } from '../core/classify/page.ts';
import { parsePageSignals } from '../core/classify/page-signals.ts';
import { siteOf } from '../core/classify/url-parts.ts';
import { classifyUrl } from '../core/classify/url.ts';
import { NO_VERDICT } from '../core/classify/verdict.ts';
import { decide, type Decision } from '../core/policy/decide.ts';
import { withSiteAllowed, type Settings } from '../core/policy/settings.ts';
import { getVendor } from '../core/vendors/index.ts';
import { setTabBadge } from '../platform/badge.ts';
import { onInstalledOrStarted, onRequest, onTabClosed, onTopLevelNavigation, openTabUrls, sendToTab, type Sender } from '../platform/events.ts';
import type { BackgroundRequest, TabState, WarningView } from '../platform/messages.ts';
import { t } from '../platform/runtime.ts';
import { loadSettings, onSettingsChanged, saveSettings } from '../platform/settings.ts';
import { allTabs, readTab, updateTab, type TabRecord } from '../platform/tab-store.ts';

/*
 * The service worker: turns navigations and page signals into verdicts (core), remembers
 * them per tab (storage.session), marks the badge and tells the page what to show.
 * It keeps no state in globals: a restarted worker picks up where the last one stopped.
 */

const decisionFor = (record: TabRecord, settings: Settings): Decision =>
  decide(record.verdict, settings, record.site, record.dismissed);

/** Decides for one tab, marks its badge, and returns what its page should show. */
async function apply(tabId: number, record: TabRecord | null, settings?: Settings): Promise<WarningView> {
  const current = settings ?? (await loadSettings()).settings;
  const decision = decide(record?.verdict ?? NO_VERDICT, current, record?.site ?? '', record?.dismissed ?? false);
  await setTabBadge(tabId, decision.badge, badgeTitle(decision));
  return { decision, vendor: vendorView(decision) };
}

function vendorView(decision: Decision): WarningView['vendor'] {
  const vendor = decision.verdict.vendor ? getVendor(decision.verdict.vendor) : undefined;
  if (!vendor) return null;
  const restriction = vendor.restrictions.find((record) => record.id === vendor.primaryRestriction) ?? null;
  return { name: vendor.name, restriction, alternatives: vendor.alternatives };
}

function badgeTitle(decision: Decision): string {
  const vendor = decision.verdict.vendor ? getVendor(decision.verdict.vendor)?.name : undefined;
  if (!decision.badge || !vendor) return t('action_title');
  return t(decision.verdict.kind === 'purchase' ? 'banner_headline_purchase' : 'banner_headline_download', vendor);
}

function freshRecord(url: string): TabRecord {
  return { url, site: siteOf(url), verdict: classifyUrl(url), dismissed: false };
}

const withoutFragment = (url: string) => url.split('#')[0];

onTopLevelNavigation((tabId, url, sameDocument) => {
  void (async () => {
    const record = await updateTab(tabId, (current) => {
      // A fragment change stays on the same page: keep what the page told us and any dismissal.
      if (sameDocument && current && withoutFragment(current.url) === withoutFragment(url)) return { ...current, url };
      return freshRecord(url);
    });
    const view = await apply(tabId, record);
    if (sameDocument) {
      await sendToTab(tabId, { type: 'warning-changed', view });
      await sendToTab(tabId, { type: 'url-changed' });
    }
  })();
});

onTabClosed((tabId) => void updateTab(tabId, () => null));

// Tabs open before the extension was installed or the browser restarted get a verdict too.
onInstalledOrStarted(() => {
  void (async () => {
    const { settings } = await loadSettings();
    for (const { tabId, url } of await openTabUrls()) await apply(tabId, await updateTab(tabId, () => freshRecord(url)), settings);
  })();
});

onSettingsChanged(({ settings }) => {
  void (async () => {
    for (const [tabId, record] of await allTabs()) {
      await sendToTab(tabId, { type: 'warning-changed', view: await apply(tabId, record, settings) });
    }
  })();
});

onRequest(async (request: BackgroundRequest, sender: Sender) => {
  if (request.type === 'get-tab-state') return tabState(request.tabId);
  if (sender.kind !== 'content') return null;
  const { tabId } = sender;
  switch (request.type) {
    case 'page-signals': {
      const signals = parsePageSignals(request.signals);
      // The page reports on the URL it is showing now; ignore reports about another page.
      const url = signals && withoutFragment(signals.url) === withoutFragment(sender.url) ? signals.url : sender.url;
      const record = await updateTab(tabId, (current) => {
        const base = current && withoutFragment(current.url) === withoutFragment(url) ? current : freshRecord(url);
        const urlVerdict = classifyUrl(url);
        return { ...base, url, verdict: signals ? classifyPage(signals, urlVerdict) : urlVerdict };
      });
      return apply(tabId, record);
    }
    case 'dismiss-page':
      return apply(tabId, await updateTab(tabId, (current) => (current ? { ...current, dismissed: true } : null)));
    case 'allow-site': {
      const record = await readTab(tabId);
      const site = record?.site || siteOf(sender.url);
      const { settings } = await loadSettings();
      const updated = withSiteAllowed(settings, site);
      await saveSettings(updated);
      return apply(tabId, record, updated);
    }
  }
});

async function tabState(tabId: number): Promise<TabState | null> {
  const record = await readTab(tabId);
  if (!record) return null;
  const { settings } = await loadSettings();
  return { url: record.url, site: record.site, decision: decisionFor(record, settings) };
}

