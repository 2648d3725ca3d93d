import { Button } from './Button.tsx';

export interface NoticeProps {
  readonly tone: 'error' | 'info';
  readonly text: string;
  readonly onDismiss: () => void;
  /** Optional action shown as a button ("Undo", "Restore previous workspace", "Export workspace"). */
  readonly actionLabel?: string;
  readonly onAction?: () => void;
}

/** One notice line. The live region around it (role=status / role=alert) belongs to the list that holds it. */
export function Notice({ tone, text, onDismiss, actionLabel, onAction }: NoticeProps) {
  const colours =
    tone === 'error'
      ? 'border-red-700 bg-red-50 text-red-950 dark:border-red-400 dark:bg-red-950 dark:text-red-50'
      : 'border-blue-700 bg-blue-50 text-blue-950 dark:border-blue-400 dark:bg-blue-950 dark:text-blue-50';
  return (
    <div className={`flex items-start gap-3 rounded border-l-4 px-3 py-2 text-sm ${colours}`}>
      <p className="flex-1 whitespace-pre-line">{text}</p>
      {actionLabel && onAction && (
        <Button size="sm" variant="secondary" onClick={onAction}>
          {actionLabel}
        </Button>
      )}
      <Button size="sm" variant="ghost" onClick={onDismiss} aria-label={`Dismiss: ${text.slice(0, 60)}`}>
        ✕
      </Button>
    </div>
  );
}
