import type { I18n } from '../../core/i18n/translate.ts';
import type { OptionsState } from '../../platform/messages.ts';
import { OrganizationContact } from '../components/Organization.tsx';
import { LOCKED_KEY_LABELS } from './state.ts';

/** Who manages this browser's Vendor Guard, its message and contact, and which settings it decides. */
export function OrganizationPanel({ state, i18n }: { state: OptionsState; i18n: I18n }) {
  const { t } = i18n;
  const { effective, locked, managedPolicy, importedPolicy } = state;
  if (!managedPolicy && !importedPolicy) return null;
  const organization = {
    name: effective.organizationName,
    message: effective.message,
    supportUrl: effective.supportUrl,
    supportEmail: effective.supportEmail,
  };
  return (
    <section class="card panel org-panel" aria-labelledby="org-heading">
      <h2 id="org-heading">{organization.name ? t('options_org_heading_named', organization.name) : t('options_org_heading')}</h2>
      <ul class="org-sources">
        {managedPolicy ? <li>{t('options_org_source_managed')}</li> : null}
        {importedPolicy ? <li>{t('options_org_source_imported')}</li> : null}
      </ul>
      {organization.message.trim() ? (
        <div class="org-message">
          <h3>{t('options_org_message_label')}</h3>
          <p class="as-written">{organization.message}</p>
        </div>
      ) : null}
      <OrganizationContact organization={organization} i18n={i18n} />
      {locked.length > 0 ? (
        <div class="org-manages">
          <h3 id="org-manages-heading">{t('options_org_manages')}</h3>
          <ul class="org-key-list" aria-labelledby="org-manages-heading">
            {locked.map((key) => (
              <li key={key} data-key={key}>
                {t(LOCKED_KEY_LABELS[key])}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
