import type { ReasonCode } from '../classify/verdict.ts';
import type { OverLimitCode } from '../policy/block-rules.ts';
import type { FallbackCode, ProblemCode } from '../policy/problems.ts';
import type { ReaderRole, WarnFor } from '../reader.ts';
import type { RestrictionAudience, RestrictionEffect, RestrictionRecord } from '../vendors/types.ts';

/*
 * The message keys built from codes and ids, in one place: each names a family of entries in
 * public/_locales/<lang>/messages.json, and test/unit/i18n.test.ts checks every family exists.
 */

/** `reason_<code with - replaced by _>`: the message that explains a reason code. */
export function reasonMessageKey(code: ReasonCode): string {
  return `reason_${code.replace(/-/g, '_')}`;
}

export function restrictionTitleKey(record: Pick<RestrictionRecord, 'id'>): string {
  return `restriction_${record.id}_title`;
}

export function restrictionSummaryKey(record: Pick<RestrictionRecord, 'id'>): string {
  return `restriction_${record.id}_summary`;
}

/** The authority's name as the locale says it (`restriction_<id>_authority`); the record's own name otherwise. */
export function restrictionAuthorityKey(record: Pick<RestrictionRecord, 'id'>): string {
  return `restriction_${record.id}_authority`;
}

export function restrictionEffectiveKey(record: Pick<RestrictionRecord, 'id'>, index: number): string {
  return `restriction_${record.id}_effective_${index}`;
}

/** A built-in restriction in one line, its issue date as $1 and effective dates as $2, $3… (the banner, the tile marks, the popup's lead). */
export function restrictionLineKey(record: Pick<RestrictionRecord, 'id'>): string {
  return `banner_restriction_${record.id}`;
}

/** What a built-in vendor's restriction means for people who already have its software. */
export function vendorExistingUsersKey(vendor: { id: string }): string {
  return `vendor_${vendor.id}_existing_users`;
}

export function vendorMigrationKey(vendor: { id: string }): string {
  return `vendor_${vendor.id}_migration`;
}

/** The message key that names a snippet (`snippet_<id with - as _>`). */
export function snippetTitleKey(id: string): string {
  return `snippet_${id.replace(/-/g, '_')}`;
}

/** What was wrong with a policy, a profile file or the stored settings (see core/policy/problems.ts). */
export const problemMessageKey = (code: ProblemCode) => `policy_problem_${code}`;
/** What is used instead of a policy value with a problem. */
export const fallbackMessageKey = (code: FallbackCode) => `policy_fallback_${code}`;

/** Why the blocking rules do not fit the browser's limits (see core/policy/block-rules.ts). */
export const overLimitMessageKey = (code: OverLimitCode) => `options_rules_over_limit_${code}`;

/** What a restriction does (`effect_<effect>`: "Ban on sales", "Official warning"). */
export function restrictionEffectKey(effect: RestrictionEffect): string {
  return `effect_${effect}`;
}

/** Whom a restriction applies to, as a noun phrase for lists (`audience_<audience>`: "government bodies"). */
export function restrictionAudienceKey(audience: RestrictionAudience): string {
  return `audience_${audience}`;
}

/** The reader's role as the options offer it (`role_<role>`). */
export function readerRoleKey(role: ReaderRole): string {
  return `role_${role}`;
}

/** A `warnFor` choice as the options offer it (`warn_for_<choice>`). */
export function warnForKey(choice: WarnFor): string {
  return `warn_for_${choice}`;
}
