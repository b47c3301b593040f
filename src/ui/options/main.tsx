import { render } from 'preact';
import { t, uiLanguage } from '../../platform/runtime.ts';
import { loadSettings, onSettingsChanged, saveSettings } from '../../platform/settings.ts';
import type { I18n } from '../components/i18n.ts';
import { Options } from './Options.tsx';
import '../components/base.css';
import './options.css';

const locale = uiLanguage();
const i18n: I18n = { t, locale };
document.documentElement.lang = locale || 'en';
document.title = t('options_title');

const root = document.getElementById('app');
if (root) {
  render(
    <Options i18n={i18n} loadSettings={loadSettings} saveSettings={saveSettings} onSettingsChanged={onSettingsChanged} />,
    root,
  );
}
