// Catches a rendering failure anywhere below it and shows what happened instead of a blank page (issue 6,
// "Nothing lost"). Presentational: the app passes what "Export workspace" and "Reload" do, so this component never
// touches the store; the saved workspace in IndexedDB is not affected by a render error, and this screen says so.

import { Component, type ErrorInfo, type ReactNode } from 'react';

export interface ErrorBoundaryProps {
  readonly children: ReactNode;
  /** Downloads the current workspace as JSON (the app reads it from the store or from saved state). */
  readonly onExportWorkspace: () => void;
  /** Reloads the page; the saved workspace is restored on start. */
  readonly onReload: () => void;
}

interface ErrorBoundaryState {
  readonly error: Error | null;
}

export class ErrorBoundary extends Component<ErrorBoundaryProps, ErrorBoundaryState> {
  override state: ErrorBoundaryState = { error: null };

  static getDerivedStateFromError(error: unknown): ErrorBoundaryState {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    // Kept in the console for a bug report; nothing is sent anywhere (the app makes no network requests).
    console.error('Parallax: a view failed to render', error, info.componentStack);
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <section
        role="alert"
        aria-labelledby="error-boundary-heading"
        className="mx-auto my-10 max-w-xl rounded border border-red-300 bg-red-50 p-6 text-red-950"
      >
        <h2 id="error-boundary-heading" className="text-xl font-semibold">
          Something went wrong
        </h2>
        <p className="mt-2">
          Parallax could not show this screen. Your sources, options and corrections are still saved in this
          browser; reloading brings them back. To be safe, export the workspace first.
        </p>
        <details className="mt-3 text-sm">
          <summary>What happened</summary>
          {/* The message is shown as text: it may quote user content. */}
          <pre dir="auto" className="mt-2 whitespace-pre-wrap break-words">
            {error.message || error.name}
          </pre>
        </details>
        <div className="mt-4 flex gap-3">
          <button
            type="button"
            className="rounded bg-red-900 px-3 py-1.5 text-white"
            onClick={() => this.props.onExportWorkspace()}
          >
            Export workspace
          </button>
          <button
            type="button"
            className="rounded border border-red-900 px-3 py-1.5"
            onClick={() => this.props.onReload()}
          >
            Reload
          </button>
        </div>
      </section>
    );
  }
}
