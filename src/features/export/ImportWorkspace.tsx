import { useId } from 'react';
import { buttonClass } from '../../components/ui/Button.tsx';
import { parseWorkspace } from '../../ingest/workspace.ts';
import { MAX_WORKSPACE_BYTES } from '../../ingest/limits.ts';
import { useParallax } from '../../state/store.ts';

/**
 * Reads a workspace file and, only if it is valid, opens it in place of the current workspace (which stays
 * recoverable). A refused file leaves everything as it was and says which file and why.
 */
export async function importWorkspaceFile(file: File): Promise<void> {
  const store = useParallax.getState();
  if (file.size > MAX_WORKSPACE_BYTES) {
    store.notify(
      'error',
      `“${file.name}” is too large to be a Parallax workspace (${Math.round(file.size / 1e6)} MB).`,
    );
    return;
  }
  let text: string;
  try {
    text = await file.text();
  } catch (e) {
    store.notify(
      'error',
      `“${file.name}” could not be read (${e instanceof Error ? e.message : 'the browser refused'}).`,
    );
    return;
  }
  const parsed = parseWorkspace(text, file.name);
  if (!parsed.ok) {
    useParallax.getState().notify('error', `The workspace was not changed. ${parsed.message}`);
    return;
  }
  useParallax.getState().openWorkspace(parsed.workspace, file.name);
  for (const note of parsed.notes) useParallax.getState().notify('info', note);
}

/** File input labelled "Import workspace", styled as a button. */
export function ImportWorkspace() {
  const id = useId();
  return (
    <span className="inline-block">
      <input
        id={id}
        type="file"
        accept=".json,application/json"
        className="peer sr-only"
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) void importWorkspaceFile(file);
        }}
      />
      <label
        htmlFor={id}
        className={`${buttonClass('secondary')} cursor-pointer peer-focus-visible:outline-2 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-blue-600`}
      >
        Import workspace
      </label>
    </span>
  );
}
