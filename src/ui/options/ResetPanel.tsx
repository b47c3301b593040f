import type { I18n } from '../../core/i18n/translate.ts';

export interface ResetPanelProps {
  i18n: I18n;
  /** The person pressed "Reset" and is asked to confirm. */
  confirming: boolean;
  onStart: () => void;
  onConfirm: () => void;
  onCancel: () => void;
  /** Focus moves between these as the question opens and closes. */
  confirmButton: { current: HTMLButtonElement | null };
  resetButton: { current: HTMLButtonElement | null };
}

/** Back to the default settings, after a confirmation. */
export function ResetPanel({ i18n, confirming, onStart, onConfirm, onCancel, confirmButton, resetButton }: ResetPanelProps) {
  const { t } = i18n;
  return (
    <section class="card panel" aria-labelledby="reset-heading">
      <h2 id="reset-heading">{t('options_reset_heading')}</h2>
      <p class="muted">{t('options_reset_explain')}</p>
      <div class="actions">
        {confirming ? (
          <>
            <button type="button" class="button button-danger" ref={confirmButton} onClick={onConfirm}>
              {t('options_reset_confirm')}
            </button>
            <button type="button" class="button" onClick={onCancel}>
              {t('options_reset_cancel')}
            </button>
          </>
        ) : (
          <button type="button" class="button" ref={resetButton} onClick={onStart}>
            {t('options_reset')}
          </button>
        )}
      </div>
    </section>
  );
}
