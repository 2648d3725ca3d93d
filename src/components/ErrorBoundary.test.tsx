// @vitest-environment jsdom
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ErrorBoundary } from './ErrorBoundary.tsx';

function Boom({ when }: { when: boolean }) {
  if (when) throw new Error('Cannot read properties of undefined (reading “units”)');
  return <p>All views fine</p>;
}

describe('ErrorBoundary', () => {
  beforeEach(() => {
    // React logs caught render errors; keep the test output readable.
    vi.spyOn(console, 'error').mockImplementation(() => {});
  });
  afterEach(() => vi.restoreAllMocks());

  it('renders its children when nothing fails', () => {
    render(
      <ErrorBoundary onExportWorkspace={() => {}} onReload={() => {}}>
        <Boom when={false} />
      </ErrorBoundary>,
    );
    expect(screen.getByText('All views fine')).toBeTruthy();
  });

  it('catches a render failure, says what happened and offers export and reload', async () => {
    const onExportWorkspace = vi.fn();
    const onReload = vi.fn();
    render(
      <ErrorBoundary onExportWorkspace={onExportWorkspace} onReload={onReload}>
        <Boom when />
      </ErrorBoundary>,
    );
    expect(screen.getByRole('heading', { name: 'Something went wrong' })).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toContain('still saved in this browser');
    expect(screen.getByText(/reading “units”/)).toBeTruthy();
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Export workspace' }));
    expect(onExportWorkspace).toHaveBeenCalledTimes(1);
    await user.click(screen.getByRole('button', { name: 'Reload' }));
    expect(onReload).toHaveBeenCalledTimes(1);
  });

  it('shows an error message containing markup as text, never as HTML', () => {
    function Hostile(): never {
      throw new Error('<img src=x onerror="window.__xss=1">');
    }
    render(
      <ErrorBoundary onExportWorkspace={() => {}} onReload={() => {}}>
        <Hostile />
      </ErrorBoundary>,
    );
    expect(document.querySelector('img')).toBeNull();
    expect(screen.getByText('<img src=x onerror="window.__xss=1">')).toBeTruthy();
  });

  it('turns a thrown non-Error into a readable message', () => {
    function ThrowsString(): never {
      throw 'plain string failure';
    }
    render(
      <ErrorBoundary onExportWorkspace={() => {}} onReload={() => {}}>
        <ThrowsString />
      </ErrorBoundary>,
    );
    expect(screen.getByText('plain string failure')).toBeTruthy();
  });
});
