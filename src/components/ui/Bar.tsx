export interface BarProps {
  /** Share in [0, 1]; values outside are clamped. */
  readonly value: number;
  /** Accessible label, e.g. the outlet name. */
  readonly label: string;
  /** Text shown after the bar; defaults to the percentage. */
  readonly valueText?: string;
}

/** One horizontal bar of a bar chart, with its value written out so the chart reads without the graphics. */
export function Bar({ value, label, valueText }: BarProps) {
  const v = Number.isFinite(value) ? Math.min(1, Math.max(0, value)) : 0;
  const text = valueText ?? `${Math.round(v * 100)}%`;
  return (
    <div className="flex items-center gap-2">
      <span className="w-40 shrink-0 truncate text-sm" title={label}>
        {label}
      </span>
      <span
        className="relative h-3 flex-1 overflow-hidden rounded bg-neutral-200 dark:bg-neutral-700 print:border print:border-neutral-600"
        aria-hidden="true"
      >
        <span
          className="absolute inset-y-0 left-0 bg-blue-700 dark:bg-blue-400"
          style={{ width: `${v * 100}%` }}
        />
      </span>
      <span className="w-12 shrink-0 text-right text-sm tabular-nums">{text}</span>
    </div>
  );
}
