import type { BackgroundRequest, BackgroundResponse, CONTENT_REQUESTS } from '../platform/messages.ts';
import type { Worker } from './context.ts';
import { allowSite, dismissPage, pageSignals, pageStart, warningOverpowered } from './page-reports.ts';
import { listingTiles } from './tile-marks.ts';
import { blockInfo, clearImportedPolicy, importPolicy, optionsState, proceed, saveSettings, tabState } from './ui-requests.ts';

/*
 * Requests from content scripts and extension pages, answered through one handler per request
 * type. The map's type makes the compiler check that every request type has a handler, that
 * each answers what BackgroundResponse says, and that content requests see a tab.
 */

export type RequestType = BackgroundRequest['type'];
export type RequestOf<K extends RequestType> = Extract<BackgroundRequest, { type: K }>;
type ContentRequestType = (typeof CONTENT_REQUESTS)[number];

/** A content script in one of a tab's frames (0: the top frame), asking about the page it runs in. */
export interface ContentSender {
  kind: 'content';
  tabId: number;
  frameId: number;
  url: string;
}

/** One of the extension's own pages (popup, options, blocking page). */
export interface PageSender {
  kind: 'extension-page';
}

export type RequestSender = ContentSender | PageSender;
export type SenderOf<K extends RequestType> = K extends ContentRequestType ? ContentSender : PageSender;

export type RequestHandlers = {
  [K in RequestType]: (request: RequestOf<K>, sender: SenderOf<K>) => Promise<BackgroundResponse[K]>;
};

/** Who may ask what: content scripts about their own page, extension pages the rest (checked again at dispatch). */
const ASKED_BY: { [K in RequestType]: SenderOf<K>['kind'] } = {
  'page-start': 'content',
  'page-signals': 'content',
  'warning-overpowered': 'content',
  'dismiss-page': 'content',
  'allow-site': 'content',
  'listing-tiles': 'content',
  'get-tab-state': 'extension-page',
  'get-block-info': 'extension-page',
  proceed: 'extension-page',
  'get-options-state': 'extension-page',
  'save-settings': 'extension-page',
  'import-policy': 'extension-page',
  'clear-imported-policy': 'extension-page',
};

export function requestHandlers(worker: Worker): RequestHandlers {
  return {
    'page-start': (_request, sender) => pageStart(worker, sender),
    'page-signals': (request, sender) => pageSignals(worker, request, sender),
    'warning-overpowered': (_request, sender) => warningOverpowered(worker, sender),
    'dismiss-page': (_request, sender) => dismissPage(worker, sender),
    'allow-site': (_request, sender) => allowSite(worker, sender),
    'listing-tiles': (request, sender) => listingTiles(worker, request, sender),
    'get-tab-state': (request) => tabState(worker, request.tabId),
    'get-block-info': (request) => blockInfo(worker, request.url),
    proceed: (request) => proceed(worker, request.url, request.remember, request.warned ?? false),
    'get-options-state': () => optionsState(worker),
    'save-settings': (request) => saveSettings(worker, request.settings),
    'import-policy': (request) => importPolicy(worker, request.contents),
    'clear-imported-policy': () => clearImportedPolicy(worker),
  };
}

/**
 * Answers one request with its handler. platform/events.ts already refuses a request from the
 * wrong kind of sender; this refuses it again, so a handler never runs for a sender it does not expect.
 */
export function dispatch(handlers: RequestHandlers, request: BackgroundRequest, sender: RequestSender): Promise<unknown> {
  const type: string = request.type;
  if (!Object.hasOwn(ASKED_BY, type) || ASKED_BY[request.type] !== sender.kind)
    return Promise.reject(new Error(`unexpected request ${type}`));
  return answer(handlers, request.type, request, sender);
}

/** The handler for `type`: the map's type ties each request type to its request, sender and answer. */
function answer<K extends RequestType>(
  handlers: RequestHandlers,
  type: K,
  request: RequestOf<K>,
  sender: SenderOf<K>,
): Promise<BackgroundResponse[K]> {
  return handlers[type](request, sender);
}
