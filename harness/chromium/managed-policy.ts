/**
 * Enterprise policy for the extension, the way an administrator deploys it on Linux: a JSON file
 * in /etc/chromium/policies/managed/ that Chromium reads and hands to the extension through
 * storage.managed (the first read can take 2.5–5 s after launch). The folder is machine-wide:
 * every Chromium started while the file is there sees it, so a file lives only as long as the
 * code that wrote it needs it, and is removed even when that code fails or the process exits.
 */
import { rmSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { extensionIdFromKey } from '../../scripts/packaging/extension-id.ts';
import { DIST } from '../paths.ts';

export const MANAGED_POLICY_DIR = '/etc/chromium/policies/managed';

/** The extension's policy as an administrator writes it (see public/managed_schema.json, docs/admin.md). */
export type ManagedPolicy = Record<string, unknown>;

/** The id of the built extension in `dist`; its manifest must have a `key` (policy is given by id). */
export async function builtExtensionId(dist: string = DIST): Promise<string> {
  const manifest = JSON.parse(await readFile(path.join(dist, 'manifest.json'), 'utf8')) as { key?: unknown };
  if (typeof manifest.key !== 'string') throw new Error(`${dist}/manifest.json has no "key": managed policy needs a fixed extension id.`);
  return extensionIdFromKey(manifest.key);
}

export interface ManagedPolicyFile {
  readonly path: string;
  /** Deletes the file (safe to call twice). */
  remove(): Promise<void>;
}

export interface ManagedPolicyOptions {
  /** File name without `.json`; one name per user of the folder, so two never share a file. */
  name: string;
  /** The build whose extension id the policy is for; default DIST. */
  dist?: string;
}

/**
 * Writes `policy` for the extension in `dist` to MANAGED_POLICY_DIR/<name>.json. Start the
 * browser afterwards: Chromium reads the folder at start. The file is also removed when the
 * process exits before `remove()` was called.
 */
export async function writeManagedPolicy(policy: ManagedPolicy, options: ManagedPolicyOptions): Promise<ManagedPolicyFile> {
  const id = await builtExtensionId(options.dist);
  return writeChromiumPolicies({ '3rdparty': { extensions: { [id]: policy } } }, options.name);
}

/**
 * Writes a whole Chromium policy file (browser policies such as ExtensionInstallForcelist, and
 * `3rdparty` extension policy) to MANAGED_POLICY_DIR/<name>.json, removed by `remove()` or when
 * the process exits.
 */
export async function writeChromiumPolicies(policies: Record<string, unknown>, name: string): Promise<ManagedPolicyFile> {
  const file = path.join(MANAGED_POLICY_DIR, `${name}.json`);
  const removeAtExit = () => rmSync(file, { force: true });
  process.once('exit', removeAtExit);
  try {
    await mkdir(MANAGED_POLICY_DIR, { recursive: true });
    await writeFile(file, JSON.stringify(policies));
  } catch (error) {
    process.off('exit', removeAtExit);
    await rm(file, { force: true });
    throw error;
  }
  return {
    path: file,
    async remove() {
      process.off('exit', removeAtExit);
      await rm(file, { force: true });
    },
  };
}
