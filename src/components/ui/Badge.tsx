import type { ReactNode } from 'react';

export type BadgeTone = 'neutral' | 'info' | 'success' | 'warning' | 'danger' | 'correction';

const TONES: Record<BadgeTone, string> = {
  neutral: 'bg-neutral-200 text-neutral-900 dark:bg-neutral-700 dark:text-neutral-100',
  info: 'bg-blue-100 text-blue-900 dark:bg-blue-950 dark:text-blue-100',
  success: 'bg-green-100 text-green-900 dark:bg-green-950 dark:text-green-100',
  warning: 'bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-100',
  danger: 'bg-red-100 text-red-900 dark:bg-red-950 dark:text-red-100',
  correction: 'bg-violet-100 text-violet-900 dark:bg-violet-950 dark:text-violet-100',
};

export interface BadgeProps {
  readonly tone?: BadgeTone;
  readonly children: ReactNode;
  readonly title?: string;
}

/** A small label ("Corrected", "conflicting", "0.82"). Text carries the meaning; the colour only repeats it. */
export function Badge({ tone = 'neutral', children, title }: BadgeProps) {
  return (
    <span
      title={title}
      className={`inline-block rounded px-1.5 py-0.5 text-xs font-medium whitespace-nowrap ${TONES[tone]}`}
    >
      {children}
    </span>
  );
}
