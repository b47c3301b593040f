import { render } from 'preact';
import { pageI18n } from '../../core/i18n/locale.ts';
import type { I18n } from '../../core/i18n/translate.ts';
import { VENDORS } from '../../core/vendors/index.ts';
import { activeTabId, openOptionsPage, sendToBackground, t, uiLanguage } from '../../platform/runtime.ts';
import type { BlockInfo, TabState } from '../../platform/messages.ts';
import { readScanning, turnOnScanning } from '../../platform/scanning.ts';
import { Popup } from './Popup.tsx';
import { tabIdFromSearch } from './view.ts';
import '../components/base.css';
import './popup.css';

async function loadTabState(): Promise<TabState | null> {
  const tabId = tabIdFromSearch(location.search) ?? (await activeTabId());
  if (tabId === null) return null;
  return sendToBackground({ type: 'get-tab-state', tabId });
}

function loadBlockInfo(url: string): Promise<BlockInfo> {
  return sendToBackground({ type: 'get-block-info', url });
}

function openSettings(): void {
  void openOptionsPage().then(() => {
    // A real popup closes itself once the options tab opens; a popup opened as a tab stays.
    if (tabIdFromSearch(location.search) === null) window.close();
  });
}

const i18n: I18n = pageI18n(t, uiLanguage());
document.documentElement.lang = i18n.locale;
document.title = t('extension_name');

const root = document.getElementById('app');
if (root)
  render(
    <Popup
      i18n={i18n}
      loadTabState={loadTabState}
      loadBlockInfo={loadBlockInfo}
      vendors={VENDORS}
      onOpenSettings={openSettings}
      scanning={{ read: readScanning, turnOn: turnOnScanning }}
    />,
    root,
  );
