import type { I18n } from '../../core/i18n/translate.ts';

/** "Set by your organisation", next to a setting the organisation's policy decides. */
export function LockedNote({ id, i18n, children }: { id: string; i18n: I18n; children?: string }) {
  return (
    <p class="locked-note" id={id}>
      <LockIcon />
      <span>{i18n.t('options_locked')}</span>
      {children ? <span class="locked-note-detail"> {children}</span> : null}
    </p>
  );
}

export interface Choice<V extends string> {
  value: V;
  label: string;
  hint: string;
}

/** A group of large radio cards; the whole card selects its radio. Ids: `<name>-<value>`, hints `<name>-<value>-hint`. */
export function RadioGroup<V extends string>({
  name,
  legend,
  legendId,
  choices,
  value,
  lockedNoteId,
  i18n,
  onSelect,
  level = 2,
}: {
  name: string;
  legend: string;
  legendId: string;
  choices: readonly Choice<V>[];
  value: V;
  /** Set when the organisation decides this setting: the radios are disabled and described by the note. */
  lockedNoteId: string | null;
  i18n: I18n;
  onSelect: (value: V) => void;
  /** The legend's heading level: 3 inside a panel that has its own heading. */
  level?: 2 | 3;
}) {
  const locked = lockedNoteId !== null;
  const Heading = level === 3 ? 'h3' : 'h2';
  return (
    <fieldset class="mode-fieldset">
      <legend>
        <Heading id={legendId}>{legend}</Heading>
      </legend>
      {locked ? <LockedNote id={lockedNoteId} i18n={i18n} /> : null}
      <div class="choices">
        {choices.map((choice) => {
          const id = `${name}-${choice.value}`;
          const checked = choice.value === value;
          const classes = ['choice', checked ? 'choice-checked' : '', locked ? 'choice-locked' : ''].filter(Boolean).join(' ');
          return (
            <div class={classes} key={choice.value}>
              <input
                type="radio"
                id={id}
                name={name}
                value={choice.value}
                checked={checked}
                disabled={locked}
                aria-describedby={locked ? `${id}-hint ${lockedNoteId}` : `${id}-hint`}
                onChange={() => onSelect(choice.value)}
              />
              <div class="choice-text">
                <label for={id} class="choice-label">
                  {choice.label}
                </label>
                <p class="choice-hint" id={`${id}-hint`}>
                  {choice.hint}
                </p>
              </div>
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}

function LockIcon() {
  return (
    <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
      <rect x="3" y="7" width="10" height="7.5" rx="1.5" fill="currentColor" />
      <path d="M5.2 7V5.2a2.8 2.8 0 0 1 5.6 0V7" fill="none" stroke="currentColor" stroke-width="1.6" />
    </svg>
  );
}
