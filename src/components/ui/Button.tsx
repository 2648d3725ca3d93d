import type { ComponentPropsWithRef } from 'react';

export type ButtonVariant = 'primary' | 'secondary' | 'ghost' | 'danger';
export type ButtonSize = 'sm' | 'md';

/** React 19: `ref` is an ordinary prop, so menus and dialogs can focus the button. */
export interface ButtonProps extends ComponentPropsWithRef<'button'> {
  readonly variant?: ButtonVariant;
  readonly size?: ButtonSize;
}

// Colours are picked for WCAG AA (4.5:1) text contrast in both schemes; the focus ring is always visible on
// keyboard focus (focus-visible) and never removed.
const VARIANTS: Record<ButtonVariant, string> = {
  primary:
    'bg-blue-700 text-white hover:bg-blue-800 disabled:bg-neutral-400 dark:bg-blue-500 dark:text-neutral-950 dark:hover:bg-blue-400',
  secondary:
    'border border-neutral-400 bg-white text-neutral-900 hover:bg-neutral-100 dark:border-neutral-500 dark:bg-neutral-800 dark:text-neutral-100 dark:hover:bg-neutral-700',
  ghost: 'text-neutral-800 hover:bg-neutral-200 dark:text-neutral-200 dark:hover:bg-neutral-700',
  danger:
    'border border-red-700 text-red-800 hover:bg-red-50 dark:border-red-400 dark:text-red-300 dark:hover:bg-red-950',
};

const SIZES: Record<ButtonSize, string> = {
  sm: 'px-2 py-0.5 text-sm',
  md: 'px-3 py-1.5 text-sm',
};

export const FOCUS_RING =
  'focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600 dark:focus-visible:outline-blue-300';

export function buttonClass(variant: ButtonVariant = 'secondary', size: ButtonSize = 'md'): string {
  return `inline-flex items-center gap-1 rounded font-medium disabled:cursor-not-allowed disabled:opacity-60 ${FOCUS_RING} ${VARIANTS[variant]} ${SIZES[size]}`;
}

/** A button that defaults to type="button" so it never submits a surrounding form by accident. */
export function Button({
  variant = 'secondary',
  size = 'md',
  className = '',
  type = 'button',
  ...rest
}: ButtonProps) {
  return <button type={type} className={`${buttonClass(variant, size)} ${className}`} {...rest} />;
}
