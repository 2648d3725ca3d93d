import { useParallax } from '../state/store.ts';

/** Progressbar "Comparing", shown while the engine runs; the page stays usable meanwhile (the work is in a worker). */
export function CompareProgress() {
  const status = useParallax((s) => s.compareStatus);
  if (status.phase !== 'running') return <div className="h-1" aria-hidden="true" />;
  const pct = Math.round(Math.min(1, Math.max(0, status.progress)) * 100);
  return (
    <div
      role="progressbar"
      aria-label="Comparing"
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={pct}
      aria-valuetext={status.stage ? `${status.stage}: ${pct}%` : `${pct}%`}
      className="h-1 w-full overflow-hidden bg-neutral-200 dark:bg-neutral-700 print:hidden"
    >
      <div
        className="h-full bg-blue-700 transition-[width] dark:bg-blue-400"
        style={{ width: `${Math.max(pct, 5)}%` }}
      />
    </div>
  );
}
