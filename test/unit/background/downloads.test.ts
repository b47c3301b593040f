import { describe, expect, it } from 'vitest';
import { guardDownload } from '../../../src/background/downloads.ts';
import type { DownloadFacts } from '../../../src/background/ports.ts';
import { noticeStatement } from '../../../src/core/i18n/restriction-text.ts';
import { getVendor } from '../../../src/core/vendors/index.ts';
import { vendorViewOf } from '../../../src/core/vendors/view.ts';
import { download, fakeBrowser, fakeT, type FakeSetup } from './fakes.ts';

const INSTALLER = download(
  11,
  'https://products.kaspersky-labs.com/english/homeuser/kis2017/kis17.0.0.611en_10780.exe',
  '/home/u/Downloads/kis17.0.0.611en_10780.exe',
);
const BY_NAME = download(12, 'https://cdn.mirror.example/files/123', '/home/u/Downloads/kaspersky_premium_setup.exe');
const OTHER = download(13, 'https://download.example.org/tool-setup.exe', '/home/u/Downloads/tool-setup.exe');

async function guarded(setup: FakeSetup, ...downloads: DownloadFacts[]) {
  const fake = fakeBrowser(setup);
  for (const item of downloads) await guardDownload(fake.worker, item);
  return fake;
}

describe('download guard', () => {
  it("warns about a restricted vendor's installer and lets it finish", async () => {
    const fake = await guarded({}, INSTALLER);
    expect(fake.cancelled).toEqual([]);
    expect(fake.notifications).toEqual([
      { id: 'warn:11', title: 'download_warning_title', message: 'download_warning_message(Kaspersky)' },
    ]);
  });

  it('recognises an installer by the name it is saved under', async () => {
    const fake = await guarded({}, BY_NAME);
    expect(fake.notifications.map(({ id }) => id)).toEqual(['warn:12']);
  });

  it("cancels it in block mode, with the organisation's message", async () => {
    const fake = await guarded({ user: { downloadGuard: 'block' }, policy: { message: 'Ask the IT desk.' } }, INSTALLER);
    expect(fake.cancelled).toEqual([11]);
    expect(fake.notifications).toEqual([
      { id: 'block:11', title: 'download_blocked_title', message: 'download_blocked_message(Kaspersky)\nAsk the IT desk.' },
    ]);
  });

  it('does nothing when the guard or the warnings are off, or for other files', async () => {
    for (const setup of [{ user: { downloadGuard: 'off' } }, { user: { mode: 'off' } }] satisfies FakeSetup[]) {
      const fake = await guarded(setup, INSTALLER);
      expect(fake.notifications).toEqual([]);
      expect(fake.cancelled).toEqual([]);
    }
    expect((await guarded({}, OTHER)).notifications).toEqual([]);
    expect((await guarded({ policy: { exemptDomains: ['kaspersky-labs.com'] } }, INSTALLER)).notifications).toEqual([]);
  });

  it('handles any file from a host the organisation blocks', async () => {
    const fake = await guarded({ policy: { blockedDomains: ['download.example.org'] } }, OTHER);
    expect(fake.notifications.map(({ id }) => id)).toEqual(['warn:13']);
  });

  it('handles each download once, though the browser reports it when it starts and again once named', async () => {
    const started = { ...INSTALLER, filename: '' };
    const fake = await guarded({ user: { downloadGuard: 'block' } }, started, INSTALLER, INSTALLER);
    expect(fake.notifications).toHaveLength(1);
    expect(fake.cancelled).toEqual([11]);
    expect(fake.lists.get('guardedDownloads')).toEqual(['block:11']);
  });

  it("never cancels a notice (a maker's installer, for a private reader): it notifies; a US federal contractor's guard cancels it", async () => {
    const MAKER = download(21, 'https://cdn.mirror.example/files/9', '/home/u/Downloads/hikvision_ivms-4200_setup.exe');
    const privateReader = await guarded({ user: { downloadGuard: 'block' }, browserRegion: 'US' }, MAKER);
    expect(privateReader.cancelled).toEqual([]);
    // It says what the notice says: whom the rule binds and that it is not a ban on the reader.
    expect(privateReader.notifications.map((n) => n.title)).toEqual(['notice_headline_us_government(Hikvision)']);
    const [firstLine, ...statement] = privateReader.notifications[0]!.message.split('\n');
    expect(firstLine).toBe('download_notice_message(Hikvision)');
    const noticeSays = noticeStatement(vendorViewOf(getVendor('hikvision')!, { regions: ['US'], role: 'personal' }), {
      t: fakeT,
      locale: 'en-US',
    });
    expect(noticeSays).toMatch(/^banner_restriction_/);
    expect(statement).toEqual([noticeSays]);
    const contractor = await guarded(
      { user: { downloadGuard: 'block' }, policy: { audience: 'federal_contractor' }, browserRegion: 'US' },
      MAKER,
    );
    expect(contractor.cancelled).toEqual([21]);
    expect(contractor.notifications.map((n) => n.title)).toEqual(['download_blocked_title']);
  });

  it("leaves alone a vendor whose actions do not meet the reader's choice of when to warn", async () => {
    // A private reader in Germany who wants only bans that apply to them: Kaspersky's there is a warning, not a ban.
    const fake = await guarded({ user: { downloadGuard: 'block', warnFor: 'bans' }, browserRegion: 'DE' }, INSTALLER);
    expect(fake.cancelled).toEqual([]);
    expect(fake.notifications).toEqual([]);
    expect((await guarded({ user: { downloadGuard: 'block', warnFor: 'bans' }, browserRegion: 'US' }, INSTALLER)).cancelled).toEqual([11]);
  });
});
