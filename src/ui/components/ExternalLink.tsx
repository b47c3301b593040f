import type { ComponentChildren } from 'preact';
import { isWebUrl } from './format.ts';
import { Stroke } from './Stroke.tsx';

/**
 * A link that opens in a new tab. Only http(s) URLs become links; anything else is shown as
 * plain text, so data can never turn into a script URL.
 */
export function ExternalLink({ href, children, class: className }: { href: string; children: ComponentChildren; class?: string }) {
  if (!isWebUrl(href)) return <span class={className}>{children}</span>;
  return (
    <a class={className ? `ext-link ${className}` : 'ext-link'} href={href} target="_blank" rel="noreferrer">
      {children}
      <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false">
        <Stroke d="M6 3H3.5A1.5 1.5 0 0 0 2 4.5v8A1.5 1.5 0 0 0 3.5 14h8a1.5 1.5 0 0 0 1.5-1.5V10M9 2h5v5M14 2 7.5 8.5" width={1.6} />
      </svg>
    </a>
  );
}
