import type { I18n } from '../../core/i18n/translate.ts';
import type { OrganizationView } from '../../platform/messages.ts';
import { ExternalLink } from './ExternalLink.tsx';
import { displayHost, isWebUrl } from './format.ts';
import { isEmailAddress, mailtoUrl } from './mailto.ts';

/** True when the organisation gave a way to reach it. */
export function hasContact(organization: Pick<OrganizationView, 'supportUrl' | 'supportEmail'>): boolean {
  return isWebUrl(organization.supportUrl) || isEmailAddress(organization.supportEmail);
}

/** The organisation's help page and help-desk address, as links (text only when not a usable link). */
export function OrganizationContact({ organization, i18n, label = true }: { organization: OrganizationView; i18n: I18n; label?: boolean }) {
  const { t } = i18n;
  const url = isWebUrl(organization.supportUrl) ? organization.supportUrl : '';
  const email = isEmailAddress(organization.supportEmail) ? organization.supportEmail.trim() : '';
  if (!url && !email) return null;
  return (
    <p class="org-contact">
      {label ? <span class="org-contact-label">{t('org_contact_label')} </span> : null}
      {url ? (
        <span class="org-contact-item">
          <ExternalLink href={url}>{t('org_support_link', displayHost(url) || url)}</ExternalLink>
        </span>
      ) : null}
      {email ? (
        <span class="org-contact-item">
          <a href={mailtoUrl(email)}>{email}</a>
        </span>
      ) : null}
    </p>
  );
}

/** "Message from <organisation>" and the text exactly as the organisation wrote it (line breaks kept). */
export function OrganizationMessage({
  organization,
  i18n,
  headingLevel = 2,
  id = 'org-message-heading',
}: {
  organization: OrganizationView;
  i18n: I18n;
  headingLevel?: 2 | 3;
  id?: string;
}) {
  const { t } = i18n;
  if (!organization.message.trim()) return null;
  const heading = organization.name ? t('org_message_heading', organization.name) : t('org_message_heading_generic');
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <section class="org-message" aria-labelledby={id}>
      <Heading id={id}>{heading}</Heading>
      <p class="as-written">{organization.message}</p>
      <OrganizationContact organization={organization} i18n={i18n} />
    </section>
  );
}
