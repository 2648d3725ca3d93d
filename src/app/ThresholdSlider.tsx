import { useId } from 'react';
import { DEFAULT_OPTIONS } from '../core/options.ts';
import { Button } from '../components/ui/Button.tsx';
import { useParallax } from '../state/store.ts';

/** Slider "Similarity threshold": how alike two sentences must be to count as the same claim. Saved with the workspace. */
export function ThresholdSlider() {
  const threshold = useParallax((s) => s.options.threshold);
  const setThreshold = useParallax((s) => s.setThreshold);
  const id = useId();
  const value = threshold ?? DEFAULT_OPTIONS.align.threshold;
  return (
    <div className="flex items-center gap-2 text-sm">
      <label htmlFor={id} className="whitespace-nowrap">
        Similarity threshold
      </label>
      <input
        id={id}
        type="range"
        min={0}
        max={1}
        step={0.01}
        value={value}
        aria-valuetext={`${value.toFixed(2)}${threshold == null ? ' (default)' : ''}`}
        onChange={(e) => setThreshold(Number(e.target.value))}
        className="w-28 accent-blue-700 dark:accent-blue-400"
      />
      <output htmlFor={id} className="w-9 tabular-nums">
        {value.toFixed(2)}
      </output>
      {threshold != null && (
        <Button
          size="sm"
          variant="ghost"
          onClick={() => setThreshold(null)}
          title="Back to the default threshold"
        >
          Reset
        </Button>
      )}
    </div>
  );
}
