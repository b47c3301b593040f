import { render } from 'preact';
import { pageI18n } from '../../core/i18n/locale.ts';
import type { I18n } from '../../core/i18n/translate.ts';
import { sendToBackground, t, uiLanguage } from '../../platform/runtime.ts';
import { onScanningChanged, readScanning, turnOffScanning, turnOnScanning } from '../../platform/scanning.ts';
import { Options } from './Options.tsx';
import type { ScanControls } from './ScanPanel.tsx';
import '../components/base.css';
import './options.css';

/** The page reads its state again whenever it comes back into view: changes made on other pages, or a new policy. */
function onExternalChange(callback: () => void): () => void {
  const visible = () => {
    if (document.visibilityState === 'visible') callback();
  };
  document.addEventListener('visibilitychange', visible);
  window.addEventListener('focus', callback);
  return () => {
    document.removeEventListener('visibilitychange', visible);
    window.removeEventListener('focus', callback);
  };
}

async function copyText(text: string): Promise<void> {
  if (!navigator.clipboard) throw new Error('no clipboard');
  await navigator.clipboard.writeText(text);
}

/** Checking every site: the permission (granted here or in the browser's settings) and the policy decide what the panel shows. */
const scanning: ScanControls = {
  read: readScanning,
  turnOn: turnOnScanning,
  turnOff: turnOffScanning,
  onChange: (callback) => {
    const stopPermission = onScanningChanged(callback);
    const stopPage = onExternalChange(callback);
    return () => {
      stopPermission();
      stopPage();
    };
  },
};

const i18n: I18n = pageI18n(t, uiLanguage());
document.documentElement.lang = i18n.locale;
document.title = t('options_title');

const root = document.getElementById('app');
if (root) {
  render(
    <Options
      i18n={i18n}
      loadState={() => sendToBackground({ type: 'get-options-state' })}
      saveSettings={(settings) => sendToBackground({ type: 'save-settings', settings })}
      importPolicy={(contents) => sendToBackground({ type: 'import-policy', contents })}
      clearImportedPolicy={() => sendToBackground({ type: 'clear-imported-policy' })}
      onExternalChange={onExternalChange}
      copyText={copyText}
      scanning={scanning}
    />,
    root,
  );
}
