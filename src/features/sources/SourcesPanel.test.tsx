// @vitest-environment jsdom
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Comparison } from '../../core/model.ts';
import { DEFAULT_WORKSPACE_OPTIONS, type SourceDoc } from '../../lib/workspace-model.ts';
import { INITIAL_UI } from '../../state/slices/ui.ts';
import { useParallax } from '../../state/store.ts';
import { AddSourceDialog } from './AddSourceDialog.tsx';
import { SourcesPanel } from './SourcesPanel.tsx';

function doc(
  id: string,
  outlet: string,
  text = `${outlet} reports that the summit ended without a deal.`,
): SourceDoc {
  return { id, outlet, text, restored: [], origin: { kind: 'paste' }, addedAt: '2025-09-05T00:00:00Z' };
}

const comparison = {
  sources: [
    {
      id: 'a',
      outlet: 'Wire report',
      length: 60,
      wordCount: 1234,
      paragraphs: [],
      removals: [
        {
          id: 'a:rm:40',
          sourceId: 'a',
          kind: 'author-bio',
          reason: 'Author biography at the end of the article',
          text: 'Jane Doe covers Russia.',
          start: 40,
          end: 63,
          restored: false,
        },
      ],
    },
    { id: 'b', outlet: 'Scopex', length: 60, wordCount: 980, paragraphs: [], removals: [] },
  ],
  problems: [],
} as unknown as Comparison;

beforeEach(() => {
  useParallax.setState({
    sources: [doc('a', 'Wire report'), doc('b', 'Scopex')],
    options: DEFAULT_WORKSPACE_OPTIONS,
    corrections: [],
    comparison,
    lastRemoved: null,
    ui: INITIAL_UI,
  });
});

describe('Sources panel', () => {
  it('lists every source by outlet with its word count', () => {
    render(<SourcesPanel />);
    const list = screen.getByRole('list', { name: 'Sources' });
    const items = within(list).getAllByRole('listitem');
    expect(items).toHaveLength(2);
    expect(within(items[0]!).getByRole('heading', { name: 'Wire report' })).toBeInTheDocument();
    expect(within(items[0]!).getByText('1,234 words')).toBeInTheDocument();
  });

  it('edits the outlet, title, date and URL in the store', async () => {
    const user = userEvent.setup();
    render(<SourcesPanel />);
    const item = screen.getAllByRole('listitem')[1]!;
    const outlet = within(item).getByRole('textbox', { name: 'Outlet' });
    await user.clear(outlet);
    await user.type(outlet, 'Scopex News');
    await user.type(within(item).getByRole('textbox', { name: 'Date' }), '2025-09-05');
    await user.type(within(item).getByRole('textbox', { name: 'URL' }), 'https://example.org/a');
    await user.type(within(item).getByRole('textbox', { name: 'Title' }), 'Putin warns');
    expect(useParallax.getState().sources[1]).toMatchObject({
      outlet: 'Scopex News',
      publishedAt: '2025-09-05',
      url: 'https://example.org/a',
      title: 'Putin warns',
    });
  });

  it('reorders with Move up / Move down (disabled at the ends)', async () => {
    const user = userEvent.setup();
    render(<SourcesPanel />);
    const [first, second] = screen.getAllByRole('listitem');
    expect(within(first!).getByRole('button', { name: 'Move up' })).toBeDisabled();
    expect(within(second!).getByRole('button', { name: 'Move down' })).toBeDisabled();
    await user.click(within(second!).getByRole('button', { name: 'Move up' }));
    expect(useParallax.getState().sources.map((s) => s.outlet)).toEqual(['Scopex', 'Wire report']);
  });

  it('removes a source and offers Undo', async () => {
    const user = userEvent.setup();
    render(<SourcesPanel />);
    await user.click(
      within(screen.getAllByRole('listitem')[0]!).getByRole('button', { name: 'Remove source' }),
    );
    expect(screen.getAllByRole('listitem')).toHaveLength(1);
    expect(useParallax.getState().ui.notices.at(-1)?.action?.label).toBe('Undo');
    act(() => useParallax.getState().undoRemoveSource());
    expect(screen.getAllByRole('listitem')).toHaveLength(2);
  });

  it('shows what cleaning removed, with Put back and Remove again', async () => {
    const user = userEvent.setup();
    render(<SourcesPanel />);
    const item = screen.getAllByRole('listitem')[0]!;
    const disclosure = within(item).getByRole('button', { name: /Removed passages \(1\)/ });
    expect(disclosure).toHaveAttribute('aria-expanded', 'false');
    await user.click(disclosure);
    expect(disclosure).toHaveAttribute('aria-expanded', 'true');
    expect(within(item).getByText('Author biography at the end of the article')).toBeInTheDocument();
    await user.click(within(item).getByRole('button', { name: 'Put back' }));
    expect(useParallax.getState().sources[0]?.restored).toEqual(['a:rm:40']);
    await user.click(within(item).getByRole('button', { name: 'Remove again' }));
    expect(useParallax.getState().sources[0]?.restored).toEqual([]);
  });

  it('adds a pasted article through the dialog', async () => {
    const user = userEvent.setup();
    render(<SourcesPanel />);
    await user.click(screen.getByRole('button', { name: 'Add source' }));
    const dialog = screen.getByRole('dialog', { name: 'Add a source' });
    await user.type(within(dialog).getByRole('textbox', { name: 'Outlet' }), 'Third Daily');
    await user.type(
      within(dialog).getByRole('textbox', { name: 'Article text' }),
      'Leaders met in Vladivostok on Friday. They talked about security guarantees for Ukraine.',
    );
    await user.click(within(dialog).getByRole('button', { name: 'Add to comparison' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(useParallax.getState().sources.map((s) => s.outlet)).toContain('Third Daily');
  });

  it('keeps the dialog open and shows the reason when the text is refused', async () => {
    const user = userEvent.setup();
    render(<SourcesPanel />);
    await user.click(screen.getByRole('button', { name: 'Add source' }));
    const dialog = screen.getByRole('dialog', { name: 'Add a source' });
    await user.click(within(dialog).getByRole('button', { name: 'Add to comparison' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(/empty/i);
    expect(useParallax.getState().sources).toHaveLength(2);
  });
});

describe('Add a source dialog', () => {
  it('routes a paste with text/html on the clipboard through the HTML adapter', async () => {
    const onSubmit = vi.fn(() => []);
    render(<AddSourceDialog onSubmit={onSubmit} onClose={() => {}} />);
    const area = screen.getByRole('textbox', { name: 'Article text' });
    const html = '<article><h1>Title</h1><p>Body text.</p></article>';
    fireEvent.paste(area, {
      clipboardData: { getData: (type: string) => (type === 'text/html' ? html : 'Title\nBody text.') },
    });
    expect(area).toHaveValue('Title\nBody text.');
    expect(screen.getByText(/Pasted from a web page/)).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Add to comparison' }));
    await waitFor(() => expect(onSubmit).toHaveBeenCalled());
    expect(onSubmit).toHaveBeenCalledWith(expect.objectContaining({ html }));
  });

  it('closes on Escape and moves focus into the dialog when it opens', async () => {
    const user = userEvent.setup();
    const onClose = vi.fn();
    render(<AddSourceDialog onSubmit={() => []} onClose={onClose} />);
    expect(screen.getByRole('dialog')).toContainElement(document.activeElement as HTMLElement);
    await user.keyboard('{Escape}');
    expect(onClose).toHaveBeenCalled();
  });
});

describe('cleaning', () => {
  it('turns boilerplate removal off and on for the workspace', async () => {
    const user = userEvent.setup();
    render(<SourcesPanel />);
    const box = screen.getByRole('checkbox', { name: /Remove boilerplate/ });
    expect(box).toBeChecked();
    await user.click(box);
    expect(useParallax.getState().options.cleaning).toBe(false);
  });
});
