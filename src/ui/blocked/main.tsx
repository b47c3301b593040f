import { render } from 'preact';
import { pageI18n } from '../../core/i18n/locale.ts';
import type { I18n } from '../../core/i18n/translate.ts';
import { sendToBackground, t, uiLanguage } from '../../platform/runtime.ts';
import { Blocked, type PageNavigation } from './Blocked.tsx';
import { blockedLocation } from './view.ts';
import '../components/base.css';
import './blocked.css';

/** Timers that must not fire once the page is left (a page restored from the back-forward cache keeps them). */
const timers = new Set<ReturnType<typeof setTimeout>>();
addEventListener('pagehide', () => {
  for (const timer of timers) clearTimeout(timer);
  timers.clear();
});

const navigation: PageNavigation = {
  historyLength: () => history.length,
  go: (delta) => history.go(delta),
  close: () => window.close(),
  replace: (url) => location.replace(url),
  later: (callback, ms) => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      callback();
    }, ms);
    timers.add(timer);
  },
};

const i18n: I18n = pageI18n(t, uiLanguage());
document.documentElement.lang = i18n.locale;
const { url, replaced, warned } = blockedLocation(location);
document.title = t(warned ? 'warned_title' : 'blocked_title');

const root = document.getElementById('app');
if (root) {
  render(
    <Blocked
      i18n={i18n}
      url={url}
      replaced={replaced}
      warned={warned}
      loadBlockInfo={(blocked) => sendToBackground({ type: 'get-block-info', url: blocked })}
      proceed={(blocked, remember) => sendToBackground({ type: 'proceed', url: blocked, remember, warned })}
      navigation={navigation}
    />,
    root,
  );
}
