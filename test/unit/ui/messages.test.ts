import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REASON_CODES } from '../../../src/core/classify/verdict.ts';
import { VENDORS } from '../../../src/core/vendors/index.ts';
import { reasonMessageKey, restrictionEffectiveKey, restrictionSummaryKey, restrictionTitleKey } from '../../../src/core/i18n/keys.ts';

interface Message {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string; example?: string }>;
}

const root = join(import.meta.dirname, '../../..');
const messages = JSON.parse(readFileSync(join(root, 'public/_locales/en/messages.json'), 'utf8')) as Record<string, Message>;

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('messages.json', () => {
  it('is well formed: lower-case keys, a message and a description each, declared placeholders', () => {
    for (const [key, entry] of Object.entries(messages)) {
      expect(key).toMatch(/^[a-z0-9_]+$/);
      expect(entry.message.trim(), key).not.toBe('');
      expect(entry.description?.trim(), key).toBeTruthy();
      const used = new Set([...entry.message.matchAll(/\$([A-Za-z0-9_]+)\$/g)].map((m) => m[1]!.toLowerCase()));
      expect(used, key).toEqual(new Set(Object.keys(entry.placeholders ?? {})));
      for (const placeholder of Object.values(entry.placeholders ?? {})) expect(placeholder.content).toMatch(/^\$[1-9]$/);
    }
  });

  it('has the extension name, a short description and the action title', () => {
    expect(messages.extension_name?.message).toBe('Vendor Guard');
    expect(messages.extension_description?.message.length).toBeLessThanOrEqual(132);
    expect(messages.action_title).toBeDefined();
  });

  it('explains every reason code', () => {
    for (const code of REASON_CODES) expect(messages[reasonMessageKey(code)], code).toBeDefined();
  });

  it('titles and summarises every restriction record, and says what changed on each effective date', () => {
    for (const vendor of VENDORS) {
      for (const record of vendor.restrictions) {
        expect(messages[restrictionTitleKey(record)], record.id).toBeDefined();
        expect(messages[restrictionSummaryKey(record)], record.id).toBeDefined();
        record.effective.forEach((_, index) => {
          const entry = messages[restrictionEffectiveKey(record, index)];
          expect(entry, `${record.id} effective ${index}`).toBeDefined();
          // The UI shows the date next to the text; the text itself carries none.
          expect(entry!.message).not.toMatch(/\b(19|20)\d\d\b/);
        });
      }
      expect(messages[`banner_restriction_${vendor.primaryRestriction}`], vendor.id).toBeDefined();
      for (const alternative of vendor.alternatives) {
        if (alternative.noteKey) expect(messages[alternative.noteKey], alternative.noteKey).toBeDefined();
      }
    }
  });

  it('has the keys the in-page banner uses', () => {
    const banner = [
      'banner_label',
      'banner_headline_purchase',
      'banner_headline_download',
      'banner_restriction_bis_final_determination',
      'banner_why',
      'banner_alternatives',
      'banner_dismiss',
      'banner_allow_site',
      'banner_existing_users',
      'banner_source_label',
      'banner_not_endorsement',
      'banner_more_in_popup',
      'alternative_note_builtin_windows',
    ];
    for (const key of banner) expect(messages[key], key).toBeDefined();
    expect(Object.keys(messages.banner_restriction_bis_final_determination!.placeholders ?? {})).toHaveLength(2);
  });

  it('defines every key the extension pages, banner and worker name literally', () => {
    const used = new Set<string>();
    const sources = ['src/ui', 'src/content', 'src/background'].flatMap((dir) => filesUnder(join(root, dir)));
    for (const file of sources) {
      const source = readFileSync(file, 'utf8');
      for (const match of source.matchAll(/\bt\(\s*'([a-z0-9_]+)'/g)) used.add(match[1]!);
      for (const match of source.matchAll(/'((?:popup|options|extension)_[a-z0-9_]+)'/g)) used.add(match[1]!);
    }
    expect(used.size).toBeGreaterThan(20);
    for (const key of used) expect(messages[key], key).toBeDefined();
  });
});
