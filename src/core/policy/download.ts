import { isInstallerFile } from '../vocabulary.ts';
import { NO_VERDICT, type Verdict } from '../classify/verdict.ts';
import { tokenIn } from '../classify/compile.ts';
import { classifyWithPolicy, type CompiledPolicy } from './compile.ts';

export interface DownloadFacts {
  url: string;
  finalUrl: string;
  /** The path the browser saves to ("" until chosen). */
  filename: string;
}

/**
 * Whether a download is a restricted vendor's installer: by its URL (vendor download hosts,
 * installer URLs, hosts the organisation blocks) or by the file name it is saved under.
 */
export function classifyDownload(download: DownloadFacts, policy: CompiledPolicy): Verdict {
  for (const url of new Set([download.finalUrl, download.url])) {
    const verdict = classifyWithPolicy(url, policy);
    if (verdict.reasons.includes('policy-exempt')) return NO_VERDICT;
    if (verdict.kind === 'download' || verdict.reasons.includes('policy-blocked-domain')) return verdict;
  }
  const name = (download.filename.split(/[\\/]/).pop() ?? '').toLowerCase();
  if (!isInstallerFile(name)) return NO_VERDICT;
  const { vendors } = policy.registry;
  if (vendors.some((vendor) => vendor.removalTools.some((re) => re.test(name)))) return NO_VERDICT;
  const byPattern = vendors.find((vendor) => vendor.distinctiveInstallers.some((re) => re.test(name)));
  const byName = byPattern ?? tokenIn(name, policy.registry)?.vendor;
  return byName ? { vendor: byName.id, kind: 'download', reasons: ['installer-file'], rule: 'download-file-name' } : NO_VERDICT;
}
