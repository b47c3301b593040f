import { problemText } from '../../core/i18n/coded.ts';
import { fallbackMessageKey } from '../../core/i18n/keys.ts';
import type { I18n } from '../../core/i18n/translate.ts';
import type { PolicyProblem } from '../../core/policy/schema.ts';
import type { SettingsProblem } from '../../core/policy/settings.ts';

/** Every problem in the organisation's policy: the key, what was wrong, and what is used instead. */
export function PolicyProblemsPanel({ problems, i18n }: { problems: readonly PolicyProblem[]; i18n: I18n }) {
  const { t } = i18n;
  if (problems.length === 0) return null;
  return (
    <section class="card panel panel-warning policy-problems" aria-labelledby="policy-problems-heading">
      <h2 id="policy-problems-heading">{t('options_policy_problems_heading')}</h2>
      <p>{t('options_policy_problems_intro')}</p>
      <div class="table-scroll">
        <table class="problem-table">
          <thead>
            <tr>
              <th scope="col">{t('options_policy_problem_key')}</th>
              <th scope="col">{t('options_policy_problem_problem')}</th>
              <th scope="col">{t('options_policy_problem_fallback')}</th>
            </tr>
          </thead>
          <tbody>
            {problems.map((problem, index) => (
              <tr key={`${problem.path}-${index}`}>
                <th scope="row">
                  <code>{problem.path || t('options_policy_problem_whole')}</code>
                </th>
                <td>{problemText(problem, i18n)}</td>
                <td>{t(fallbackMessageKey(problem.fallback))}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** Stored settings that could not be read and were reset: the key and what was wrong. */
export function SettingsProblemsNotice({ problems, i18n }: { problems: readonly SettingsProblem[]; i18n: I18n }) {
  const { t } = i18n;
  if (problems.length === 0) return null;
  return (
    <div class="notice notice-warning settings-problems">
      <p class="notice-title">{t('options_problems_heading')}</p>
      <ul>
        {problems.map((problem, index) => (
          <li key={`${problem.path}-${index}`}>
            <code>{problem.path || t('options_problem_whole')}</code>: {problemText(problem, i18n)}
          </li>
        ))}
      </ul>
    </div>
  );
}
