import { useId, useState } from 'react';
import type { Removal, SourceInfo } from '../../core/model.ts';
import type { SourceDoc } from '../../lib/workspace-model.ts';
import type { SourcePatch } from '../../state/slices/types.ts';
import { Button } from '../../components/ui/Button.tsx';
import { TextField } from '../../components/ui/TextField.tsx';

export interface SourceItemProps {
  readonly doc: SourceDoc;
  /** What the engine learned about this source (word count, removals); absent until the first comparison. */
  readonly info: SourceInfo | undefined;
  /** Engine problems about this source ("already added as …", "has no text"). */
  readonly problems: readonly string[];
  readonly isFirst: boolean;
  readonly isLast: boolean;
  readonly onUpdate: (patch: SourcePatch) => void;
  readonly onMove: (delta: -1 | 1) => void;
  readonly onRemove: () => void;
  readonly onRestore: (removalId: string) => void;
  readonly onUnrestore: (removalId: string) => void;
}

function excerpt(text: string, max = 160): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}

/** One source in the sidebar: its editable metadata, word count, what cleaning removed, and reorder/remove. */
export function SourceItem(props: SourceItemProps) {
  const { doc, info, problems, isFirst, isLast, onUpdate, onMove, onRemove } = props;
  const [showRemovals, setShowRemovals] = useState(false);
  const removalsId = useId();
  const removals: readonly Removal[] = info?.removals ?? [];

  return (
    <li className="rounded border border-neutral-300 bg-white p-3 dark:border-neutral-600 dark:bg-neutral-900">
      <div className="mb-2 flex items-baseline justify-between gap-2">
        <h3 dir="auto" className="truncate font-semibold" title={doc.outlet}>
          {doc.outlet}
        </h3>
        <span className="shrink-0 text-xs text-neutral-700 tabular-nums dark:text-neutral-300">
          {info ? `${info.wordCount.toLocaleString('en')} words` : 'not compared yet'}
        </span>
      </div>
      {problems.map((p) => (
        <p
          key={p}
          className="mb-2 rounded bg-amber-100 px-2 py-1 text-xs text-amber-950 dark:bg-amber-950 dark:text-amber-50"
        >
          {p}
        </p>
      ))}
      <div className="grid grid-cols-2 gap-2">
        <TextField
          className="col-span-2"
          label="Outlet"
          dir="auto"
          value={doc.outlet}
          onChange={(e) => onUpdate({ outlet: e.target.value })}
        />
        <TextField
          className="col-span-2"
          label="Title"
          dir="auto"
          value={doc.title ?? ''}
          onChange={(e) => onUpdate({ title: e.target.value })}
        />
        <TextField
          label="Date"
          placeholder="YYYY-MM-DD"
          value={doc.publishedAt ?? ''}
          onChange={(e) => onUpdate({ publishedAt: e.target.value })}
        />
        <TextField
          label="URL"
          type="url"
          value={doc.url ?? ''}
          onChange={(e) => onUpdate({ url: e.target.value })}
        />
      </div>

      <div className="mt-2">
        <Button
          size="sm"
          variant="ghost"
          aria-expanded={showRemovals}
          aria-controls={removalsId}
          onClick={() => setShowRemovals((v) => !v)}
          disabled={removals.length === 0}
        >
          <span aria-hidden="true">{showRemovals ? '▾' : '▸'}</span>
          Removed passages ({removals.length})
        </Button>
        {showRemovals && removals.length > 0 && (
          <ul id={removalsId} className="mt-1 space-y-2" aria-label={`Removed passages of ${doc.outlet}`}>
            {removals.map((r) => {
              const restored = doc.restored.includes(r.id);
              return (
                <li key={r.id} className="rounded bg-neutral-100 p-2 text-xs dark:bg-neutral-800">
                  <p className="font-medium">
                    {r.reason}
                    {restored && <span className="ml-1 font-normal">(put back)</span>}
                  </p>
                  <p dir="auto" className="my-1 text-neutral-800 italic dark:text-neutral-200">
                    “{excerpt(r.text)}”
                  </p>
                  {restored ? (
                    <Button size="sm" onClick={() => props.onUnrestore(r.id)}>
                      Remove again
                    </Button>
                  ) : (
                    <Button size="sm" onClick={() => props.onRestore(r.id)}>
                      Put back
                    </Button>
                  )}
                </li>
              );
            })}
          </ul>
        )}
      </div>

      <div className="mt-2 flex flex-wrap gap-1">
        <Button size="sm" variant="ghost" disabled={isFirst} onClick={() => onMove(-1)} aria-label="Move up">
          <span aria-hidden="true">↑</span> Up
        </Button>
        <Button size="sm" variant="ghost" disabled={isLast} onClick={() => onMove(1)} aria-label="Move down">
          <span aria-hidden="true">↓</span> Down
        </Button>
        <Button size="sm" variant="danger" className="ml-auto" onClick={onRemove}>
          Remove source
        </Button>
      </div>
    </li>
  );
}
