import { useId, type ComponentPropsWithRef } from 'react';
import { FOCUS_RING } from './Button.tsx';

export const INPUT_CLASS = `w-full rounded border border-neutral-400 bg-white px-2 py-1 text-sm text-neutral-900 dark:border-neutral-500 dark:bg-neutral-900 dark:text-neutral-100 ${FOCUS_RING}`;

export interface TextFieldProps extends Omit<ComponentPropsWithRef<'input'>, 'id'> {
  /** Visible label; also the textbox's accessible name. */
  readonly label: string;
  /** Hide the label visually (it stays the accessible name). */
  readonly hideLabel?: boolean;
}

/** A labelled single-line text input. */
export function TextField({ label, hideLabel = false, className = '', ...rest }: TextFieldProps) {
  const id = useId();
  return (
    <div className={className}>
      <label
        htmlFor={id}
        className={
          hideLabel ? 'sr-only' : 'mb-0.5 block text-xs font-medium text-neutral-700 dark:text-neutral-300'
        }
      >
        {label}
      </label>
      <input id={id} className={INPUT_CLASS} {...rest} />
    </div>
  );
}
