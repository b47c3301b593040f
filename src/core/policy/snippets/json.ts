import { POLICY_KEYS, type OrgPolicy } from '../schema.ts';

/* The policy as plain JSON values, and the JSON files Chrome/Edge on Linux and Firefox read. */

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

/** The keys the policy sets, in schema order, as plain JSON values. */
export function policyObject(policy: OrgPolicy): JsonObject {
  const out: JsonObject = {};
  for (const key of POLICY_KEYS) {
    const value = policy[key];
    if (value !== undefined) out[key] = toJson(value);
  }
  return out;
}

function toJson(value: unknown): JsonValue {
  if (typeof value === 'string' || typeof value === 'boolean' || value === null) return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (Array.isArray(value)) return value.map(toJson);
  if (typeof value === 'object') {
    const out: JsonObject = {};
    for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
      if (item !== undefined) out[key] = toJson(item);
    }
    return out;
  }
  return null;
}

/** Chrome, Chromium or Edge on Linux: a file in the browser's policies/managed directory. */
export function linuxPolicyFile(id: string, values: JsonObject): string {
  return `${JSON.stringify({ '3rdparty': { extensions: { [id]: values } } }, null, 2)}\n`;
}

/** Firefox: policies.json, with the policy under 3rdparty and the add-on force-installed. */
export function firefoxPolicies(id: string, values: JsonObject, installUrl: string): string {
  const policies = {
    policies: {
      ExtensionSettings: { [id]: { installation_mode: 'force_installed', install_url: installUrl } },
      '3rdparty': { Extensions: { [id]: values } },
    },
  };
  return `${JSON.stringify(policies, null, 2)}\n`;
}
