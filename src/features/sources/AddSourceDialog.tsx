import { useId, useState, type ClipboardEvent, type FormEvent } from 'react';
import type { IngestProblem } from '../../ingest/ingest.ts';
import { Button } from '../../components/ui/Button.tsx';
import { Dialog } from '../../components/ui/Dialog.tsx';
import { INPUT_CLASS, TextField } from '../../components/ui/TextField.tsx';

export interface AddSourceInput {
  readonly outlet: string;
  readonly title: string;
  readonly text: string;
  /** The clipboard's HTML when the article was pasted from a web page: it goes through the HTML adapter. */
  readonly html: string | null;
}

export interface AddSourceDialogProps {
  /** Tries to add the source; returns the problems. No error = added (warnings are shown by the caller). */
  readonly onSubmit: (input: AddSourceInput) => readonly IngestProblem[] | Promise<readonly IngestProblem[]>;
  readonly onClose: () => void;
}

/** "Add a source": paste plain text or a copied web page, with optional outlet and title. */
export function AddSourceDialog({ onSubmit, onClose }: AddSourceDialogProps) {
  const [outlet, setOutlet] = useState('');
  const [title, setTitle] = useState('');
  const [text, setText] = useState('');
  const [html, setHtml] = useState<string | null>(null);
  const [errors, setErrors] = useState<readonly string[]>([]);
  const [busy, setBusy] = useState(false);
  const textId = useId();
  const hintId = useId();

  function onPaste(e: ClipboardEvent<HTMLTextAreaElement>) {
    const pastedHtml = e.clipboardData.getData('text/html');
    if (!pastedHtml.trim()) return;
    // A copied web page: keep its HTML for the article extractor and show its plain text meanwhile.
    e.preventDefault();
    setHtml(pastedHtml);
    setText(e.clipboardData.getData('text/plain') || pastedHtml.replace(/<[^>]*>/g, ' '));
    setErrors([]);
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    const problems = await onSubmit({ outlet, title, text, html });
    setBusy(false);
    const errs = problems.filter((p) => p.severity === 'error').map((p) => p.message);
    setErrors(errs);
    if (errs.length === 0) onClose();
  }

  return (
    <Dialog
      title="Add a source"
      onClose={onClose}
      description="Paste the article's text, or copy it from a web page and paste here: the page is cleaned and reduced to the article. Nothing leaves this browser."
    >
      <form onSubmit={(e) => void submit(e)} className="space-y-3">
        <div className="grid grid-cols-2 gap-3">
          <TextField
            label="Outlet"
            value={outlet}
            onChange={(e) => setOutlet(e.target.value)}
            placeholder="e.g. Scopex"
          />
          <TextField
            label="Title"
            value={title}
            onChange={(e) => setTitle(e.target.value)}
            placeholder="optional"
          />
        </div>
        <div>
          <label
            htmlFor={textId}
            className="mb-0.5 block text-xs font-medium text-neutral-700 dark:text-neutral-300"
          >
            Article text
          </label>
          <textarea
            id={textId}
            value={text}
            rows={12}
            onPaste={onPaste}
            aria-describedby={html ? hintId : undefined}
            onChange={(e) => {
              setText(e.target.value);
              // Editing the text by hand means the user wants this text, not the page it came from.
              setHtml(null);
            }}
            className={`${INPUT_CLASS} font-serif`}
          />
          {html && (
            <p id={hintId} className="mt-1 text-xs text-neutral-700 dark:text-neutral-300">
              Pasted from a web page: the article will be extracted from the page.{' '}
              <button type="button" className="underline" onClick={() => setHtml(null)}>
                Use the plain text instead
              </button>
            </p>
          )}
        </div>
        {errors.length > 0 && (
          <div
            role="alert"
            className="rounded border-l-4 border-red-700 bg-red-50 px-3 py-2 text-sm text-red-950 dark:border-red-400 dark:bg-red-950 dark:text-red-50"
          >
            {errors.map((m) => (
              <p key={m}>{m}</p>
            ))}
          </div>
        )}
        <div className="flex justify-end gap-2">
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" aria-disabled={busy}>
            Add to comparison
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
