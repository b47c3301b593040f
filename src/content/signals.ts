import type { PageSignals } from '../core/classify/page-signals.ts';

const BUY = /\b(?:buy|add to (?:cart|basket|bag)|purchase|subscribe|renew|checkout|order now|in den warenkorb|jetzt kaufen|kaufen|acheter|ajouter au panier|comprar|añadir al carrito|acquista|aggiungi al carrello|koop|kup|купить|в корзину)\b/i;
const DOWNLOAD = /\b(?:download|install|free trial|try (?:it )?free|descargar|télécharger|herunterladen|scaricare|baixar|indir|pobierz|скачать|установить)\b/i;
const INSTALLER_HREF = /\.(?:exe|msi|dmg|pkg|apk|xapk|zip|deb|rpm|iso)(?:[?#]|$)/i;
const PRICE = /(?:[$€£¥₹₽]|\b(?:usd|eur|gbp|inr|rub|brl|aud|cad)\b)\s?\d|\d[\d.,]*\s?(?:[$€£¥₹₽]|\b(?:usd|eur|gbp|inr|rub|brl|aud|cad|kr|zł|kč)\b)/i;
/** At most this many controls are read: a page with thousands of links costs the same as one with fifty. */
const MAX_CONTROLS = 400;

const clean = (text: string | null | undefined, max = 300) => (text ?? '').replace(/\s+/g, ' ').trim().slice(0, max);
const meta = (selector: string) => clean(document.querySelector<HTMLMetaElement>(selector)?.content, 500);

function visible(element: Element): boolean {
  return (element as HTMLElement).offsetParent !== null || element.getClientRects().length > 0;
}

/** Reads what a person would see as the page's subject and its buy / download controls. */
export function collectSignals(): PageSignals {
  const buyControls: string[] = [];
  const downloadControls: string[] = [];
  const installerLinks: string[] = [];
  const controls = document.querySelectorAll('button, a[href], input[type="submit"], input[type="button"], [role="button"]');
  for (let i = 0; i < controls.length && i < MAX_CONTROLS; i++) {
    const control = controls[i]!;
    const label = clean(control instanceof HTMLInputElement ? control.value : control.textContent || control.getAttribute('aria-label'), 120);
    const href = control instanceof HTMLAnchorElement ? control.href : '';
    if (href && INSTALLER_HREF.test(href) && installerLinks.length < 20) installerLinks.push(href);
    if (!label || label.length > 60 || !visible(control)) continue;
    if (BUY.test(label) && buyControls.length < 20) buyControls.push(label);
    else if (DOWNLOAD.test(label) && downloadControls.length < 20) downloadControls.push(label);
  }
  return {
    url: location.href,
    title: clean(document.title, 500),
    headings: [...document.querySelectorAll('h1')].slice(0, 3).map((h) => clean(h.textContent)),
    meta: {
      description: meta('meta[name="description"]'),
      ogTitle: meta('meta[property="og:title"]'),
      ogType: meta('meta[property="og:type"]'),
      ogSiteName: meta('meta[property="og:site_name"]'),
    },
    products: jsonLdProducts(),
    buyControls,
    downloadControls,
    installerLinks,
    hasPrice: hasVisiblePrice(),
  };
}

function hasVisiblePrice(): boolean {
  if (document.querySelector('meta[property="product:price:amount"], [itemprop="price"]')) return true;
  const candidates = document.querySelectorAll('[class*="price" i], [id*="price" i], [data-price]');
  for (let i = 0; i < candidates.length && i < 50; i++) {
    if (PRICE.test(candidates[i]!.textContent ?? '')) return true;
  }
  return false;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function jsonLdProducts(): PageSignals['products'] {
  const products: PageSignals['products'] = [];
  const visit = (node: Json, depth: number) => {
    if (depth > 6 || products.length >= 10 || node === null || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach((item) => visit(item, depth + 1));
    const type = node['@type'];
    const types = Array.isArray(type) ? type : [type];
    if (types.some((t) => typeof t === 'string' && /^(?:Product|SoftwareApplication|MobileApplication|WebApplication)$/.test(t))) {
      const brand = node['brand'] ?? node['author'] ?? node['publisher'];
      products.push({
        name: clean(typeof node['name'] === 'string' ? node['name'] : ''),
        brand: clean(typeof brand === 'string' ? brand : brand && typeof brand === 'object' && !Array.isArray(brand) && typeof brand['name'] === 'string' ? brand['name'] : ''),
        hasOffer: node['offers'] !== undefined && node['offers'] !== null,
      });
    }
    for (const key of ['@graph', 'mainEntity'] as const) if (node[key] !== undefined) visit(node[key]!, depth + 1);
  };
  for (const script of document.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      visit(JSON.parse(script.textContent ?? '') as Json, 0);
    } catch {
      // Broken JSON-LD is common; it just tells us nothing.
    }
  }
  return products;
}
