import type { ComponentChildren } from 'preact';
import type { I18n } from '../../core/i18n/translate.ts';
import { ShieldMark } from '../components/ShieldMark.tsx';
import { Stroke } from '../components/Stroke.tsx';

/** What the status line says: nothing yet, a saved change or a failure (counted, so a repeat is announced again). */
export type Status =
  { kind: 'idle' } | { kind: 'saved'; message: string; count: number } | { kind: 'failed'; message: string; count: number };

/** The page frame: heading, the status line (always in the page, so it is announced), the content, About. */
export function Page({ i18n, status, busy, children }: { i18n: I18n; status: Status; busy?: boolean; children: ComponentChildren }) {
  const { t } = i18n;
  return (
    <div class="page">
      <header class="page-header">
        <div class="page-title">
          <ShieldMark size={32} />
          <h1>{t('options_title')}</h1>
        </div>
        <p class="page-intro">{t('options_intro')}</p>
      </header>

      <main class="page-main" aria-busy={busy ? 'true' : undefined}>
        <p class={`save-status save-status-${status.kind}`} role="status" aria-live="polite">
          {status.kind === 'saved' ? (
            <>
              <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false">
                <Stroke d="m3.5 8.5 3 3 6-6.5" width={1.8} />
              </svg>
              {/* The key changes on every message so the same words are announced again. */}
              <span key={status.count}>{status.message}</span>
            </>
          ) : status.kind === 'failed' ? (
            <span key={status.count}>{status.message}</span>
          ) : null}
        </p>

        {children}

        <section class="about" aria-labelledby="about-heading">
          <h2 id="about-heading">{t('options_about_heading')}</h2>
          <p>
            {t('options_about_body')}{' '}
            <a href="/privacy.html" target="_blank" rel="noreferrer">
              {t('options_privacy_link')}
            </a>
          </p>
          <p>{t('popup_not_legal_advice')}</p>
        </section>
      </main>
    </div>
  );
}
