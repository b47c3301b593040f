import type { ReasonCode } from '../../core/classify/verdict.ts';
import { reasonMessageKey } from '../../core/i18n/keys.ts';
import type { I18n } from '../../core/i18n/translate.ts';

/** A verdict's reasons in words (`reason_*`), each once, in the order given. */
export function ReasonList({ reasons, i18n }: { reasons: readonly ReasonCode[]; i18n: I18n }) {
  const unique = [...new Set(reasons)];
  if (unique.length === 0) return null;
  return (
    <ul class="reason-list">
      {unique.map((code) => (
        <li key={code} data-reason={code}>
          {i18n.t(reasonMessageKey(code))}
        </li>
      ))}
    </ul>
  );
}
