import { useEffect } from 'react';
import { Notice } from '../components/ui/Notice.tsx';
import { exportWorkspace } from '../features/export/export-actions.ts';
import { downloadText } from '../features/export/download.ts';
import { loadUnreadableWorkspaceText } from '../state/persist.ts';
import type { Notice as NoticeData, NoticeActionKind } from '../state/slices/types.ts';
import { useParallax } from '../state/store.ts';

const INFO_NOTICE_MS = 12_000;

function runAction(kind: NoticeActionKind): void {
  const s = useParallax.getState();
  if (kind === 'undo-remove-source') s.undoRemoveSource();
  else if (kind === 'restore-previous-workspace') s.restorePreviousWorkspace();
  else if (kind === 'export-workspace') exportWorkspace(s);
  else if (kind === 'export-unreadable-workspace') void exportUnreadableCopy();
  else window.location.reload();
}

/** Downloads the kept-aside unreadable workspace byte for byte, so it can be repaired or sent for help (issue 6). */
async function exportUnreadableCopy(): Promise<void> {
  const { notify } = useParallax.getState();
  try {
    const text = await loadUnreadableWorkspaceText();
    if (text === null)
      notify('error', 'There is no unreadable copy of a workspace in this browser any more.');
    else downloadText('parallax-unreadable-workspace.json', 'application/json', text);
  } catch (error) {
    notify(
      'error',
      `The unreadable copy could not be read from this browser's storage (${error instanceof Error ? error.message : String(error)}).`,
    );
  }
}

function NoticeList({ notices }: { readonly notices: readonly NoticeData[] }) {
  const dismiss = useParallax((s) => s.dismissNotice);
  return notices.map((n) => (
    <Notice
      key={n.id}
      tone={n.tone}
      text={n.text}
      onDismiss={() => dismiss(n.id)}
      {...(n.action
        ? {
            actionLabel: n.action.label,
            onAction: () => {
              const kind = n.action?.kind;
              if (kind) runAction(kind);
              // Undo / restore remove their own notice; any other action also closes it (export keeps nothing).
              if (kind === 'export-workspace' || kind === 'reload') dismiss(n.id);
            },
          }
        : {})}
    />
  ));
}

/**
 * Notices at the top of the page: errors in a role=alert region, everything else in a role=status region. Both
 * regions are always in the page, so screen readers announce what is added to them.
 */
export function Notices() {
  const notices = useParallax((s) => s.ui.notices);
  const dismiss = useParallax((s) => s.dismissNotice);

  // Plain information ("Added “Scopex”.") fades after a while; errors and notices with an action (Undo, Restore
  // previous workspace) stay until the user dismisses them.
  useEffect(() => {
    const timers = notices
      .filter((n) => n.tone === 'info' && !n.action)
      .map((n) => setTimeout(() => dismiss(n.id), INFO_NOTICE_MS));
    return () => timers.forEach(clearTimeout);
  }, [notices, dismiss]);
  return (
    <div className="flex flex-col gap-1 px-4 empty:hidden print:hidden">
      <div role="alert" className="flex flex-col gap-1">
        <NoticeList notices={notices.filter((n) => n.tone === 'error')} />
      </div>
      <div role="status" className="flex flex-col gap-1">
        <NoticeList notices={notices.filter((n) => n.tone === 'info')} />
      </div>
    </div>
  );
}
