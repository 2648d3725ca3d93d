// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { SideBySideView } from './SideBySideView.tsx';
import { useParallax } from '../../state/store.ts';
import { SCOPEX, WIRE, summitComparison, summitDocs } from '../../test/fixtures/comparison-summit.ts';
import { fakeLayout, loadComparison } from '../../test/fixtures/comparison-store.ts';
import { largeComparison } from '../../test/fixtures/comparison-large.ts';
import type { SourceDoc } from '../../lib/workspace-model.ts';
import { buildComparison } from '../../test/fixtures/comparison-builder.ts';
import type { Comparison } from '../../core/model.ts';

beforeAll(fakeLayout);
beforeEach(() => loadComparison(summitComparison(), summitDocs()));

const table = () => screen.getByRole('table', { name: 'Side by side' });
const bodyRows = () => within(table()).getAllByRole('row').slice(1);
const rowOf = (text: string) => {
  const row = bodyRows().find((r) => r.textContent?.includes(text));
  if (!row) throw new Error(`no row with ${text}`);
  return row;
};

describe('SideBySideView', () => {
  it('shows one column per source in workspace order, the first marked as reference', () => {
    render(<SideBySideView />);
    const headers = within(table())
      .getAllByRole('columnheader')
      .map((h) => h.textContent);
    expect(headers).toEqual(['Match', 'Scopex(reference)', 'Wire report', 'Daily Courier']);
    expect(screen.getByRole('combobox', { name: 'Reference source' })).toHaveValue(SCOPEX);
  });

  it('puts the destruction / strikes quote on one row with the differing words marked', () => {
    render(<SideBySideView />);
    const row = rowOf('destruction');
    const cells = within(row).getAllByRole('cell');
    expect(cells).toHaveLength(4);
    expect(cells[2]?.textContent).toContain('strikes');
    // Against the Scopex reference, the wire's "strikes" is added (underlined) and "destruction" removed (struck).
    expect([...(cells[2]?.querySelectorAll('ins') ?? [])].map((e) => e.textContent).join(' ')).toContain(
      'strikes',
    );
    expect([...(cells[2]?.querySelectorAll('del') ?? [])].map((e) => e.textContent).join(' ')).toContain(
      'destruction',
    );
    expect(within(row).getAllByText('Paraphrase').length).toBeGreaterThan(0);
    expect(within(row).getByText('0.59')).toBeInTheDocument();
  });

  it('says "Omitted" in a blank cell, for sighted and screen-reader users', () => {
    render(<SideBySideView />);
    const row = rowOf('Putin threatens foreign forces');
    expect(within(row).getByText(/Omitted/)).toHaveTextContent('Omitted by Daily Courier');
  });

  it('filters rows with the "Show" radio group', async () => {
    const user = userEvent.setup();
    render(<SideBySideView />);
    expect(bodyRows()).toHaveLength(8);
    const show = screen.getByRole('radiogroup', { name: 'Show' });
    await user.click(within(show).getByRole('radio', { name: 'Only conflicts' }));
    expect(useParallax.getState().ui.filter).toBe('conflicts');
    expect(bodyRows()).toHaveLength(2);
    await user.click(within(show).getByRole('radio', { name: 'Only quotes' }));
    expect(bodyRows()).toHaveLength(3);
  });

  it('diffs against the reference the user picks', async () => {
    const user = userEvent.setup();
    render(<SideBySideView />);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Reference source' }), WIRE);
    expect(useParallax.getState().options.referenceSourceId).toBe(WIRE);
    const cells = within(rowOf('destruction')).getAllByRole('cell');
    // Scopex (first column) is now diffed against the wire: "destruction" is what it adds.
    expect([...(cells[1]?.querySelectorAll('ins') ?? [])].map((e) => e.textContent).join(' ')).toContain(
      'destruction',
    );
  });

  it('unlinks a pair and changes a relation as corrections, then marks the row "Corrected"', async () => {
    const user = userEvent.setup();
    render(<SideBySideView />);
    const row = rowOf('destruction');
    await user.click(within(row).getAllByRole('button', { name: 'Unlink' })[0] as HTMLElement);
    expect(useParallax.getState().corrections).toEqual([
      { kind: 'unlink', a: `${WIRE}:u2`, b: `${SCOPEX}:u2` },
    ]);
    expect(within(rowOf('destruction')).getAllByText('Corrected').length).toBeGreaterThan(0);

    await user.selectOptions(
      within(rowOf('Macron said 35')).getAllByRole('combobox', { name: 'Relation' })[0] as HTMLElement,
      'minor',
    );
    expect(useParallax.getState().corrections.at(-1)).toEqual({
      kind: 'relation',
      a: `${WIRE}:u3`,
      b: `${SCOPEX}:u3`,
      relation: 'minor',
    });

    await user.click(within(rowOf('Macron said 35')).getByRole('button', { name: 'Undo correction' }));
    expect(useParallax.getState().corrections).toHaveLength(1);
  });

  it('links two units the engine missed with "Link…" then "Link with selected"', async () => {
    const user = userEvent.setup();
    render(<SideBySideView />);
    expect(screen.queryByRole('button', { name: 'Link with selected' })).toBeNull();
    const forum = rowOf('The forum in Vladivostok');
    await user.click(within(forum).getByRole('button', { name: 'Link…' }));
    expect(screen.getByRole('status')).toHaveTextContent('Linking “The forum in Vladivostok');
    // Offered only in other sources' passages.
    expect(within(forum).queryByRole('button', { name: 'Link with selected' })).toBeNull();
    const zel = rowOf('Zelenskiy said Ukraine was open to meetings.');
    const cells = within(zel).getAllByRole('cell');
    await user.click(within(cells[1] as HTMLElement).getByRole('button', { name: 'Link with selected' }));
    expect(useParallax.getState().corrections).toEqual([
      { kind: 'link', a: `${WIRE}:u4`, b: `${SCOPEX}:u4` },
    ]);
    expect(screen.queryByRole('button', { name: 'Link with selected' })).toBeNull();
  });

  it('jumps between differences with the buttons and j / k, focusing the row', async () => {
    const user = userEvent.setup();
    render(<SideBySideView />);
    await user.click(screen.getByRole('button', { name: 'Next difference' }));
    const first = useParallax.getState().ui.focusedGroupId;
    expect(first).toBe('g0');
    expect(screen.getByText(/Difference 1 of/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Next difference' }));
    expect(useParallax.getState().ui.focusedGroupId).toBe('g1');
    (document.activeElement as HTMLElement | null)?.blur();
    await user.keyboard('k');
    expect(useParallax.getState().ui.focusedGroupId).toBe('g0');
    await user.keyboard('j');
    expect(useParallax.getState().ui.focusedGroupId).toBe('g1');
  });

  it('scrolls to and highlights the row another view focused, showing all rows if the filter hid it', () => {
    useParallax.setState((s) => ({ ui: { ...s.ui, filter: 'conflicts' } }));
    render(<SideBySideView />);
    act(() => useParallax.getState().focusGroup('g6'));
    expect(useParallax.getState().ui.filter).toBe('all');
    expect(rowOf('The forum in Vladivostok')).toHaveAttribute('aria-current', 'true');
  });

  it('keeps one row in the Tab order and moves between rows with the arrow keys', async () => {
    const user = userEvent.setup();
    render(<SideBySideView />);
    const tabbable = bodyRows().filter((r) => r.getAttribute('tabindex') === '0');
    expect(tabbable).toHaveLength(1);
    act(() => tabbable[0]?.focus());
    expect(useParallax.getState().ui.focusedGroupId).toBe('g0');
    await user.keyboard('{ArrowDown}');
    expect(useParallax.getState().ui.focusedGroupId).toBe('g1');
    await waitFor(() => expect(document.activeElement).toBe(rowOf('on Monday')));
  });

  it('does not steal focus when a re-compare replaces the rows', async () => {
    const user = userEvent.setup();
    render(
      <>
        <input aria-label="Outlet" />
        <SideBySideView />
      </>,
    );
    act(() => useParallax.getState().focusGroup('g3'));
    await waitFor(() => expect(document.activeElement).toBe(rowOf('Macron said 35')));
    await user.click(screen.getByRole('textbox', { name: 'Outlet' }));
    act(() => useParallax.setState({ comparison: summitComparison() }));
    await new Promise((r) => requestAnimationFrame(r));
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Outlet' }));
  });

  it('highlights the partners of a hovered unit', async () => {
    const user = userEvent.setup();
    const { container } = render(<SideBySideView />);
    const unit = container.querySelector(`[data-unit-id="${WIRE}:u1"]`) as HTMLElement;
    await user.hover(unit);
    const lit = [...container.querySelectorAll('[data-highlighted="true"]')].map((e) =>
      e.getAttribute('data-unit-id'),
    );
    expect(lit.sort()).toEqual([`${WIRE}:u1`, `${SCOPEX}:u1`, 'c-daily:u0'].sort());
  });

  it('renders only the columns in view when there are many sources, keeping aria-colindex', () => {
    const big = largeComparison(12, 6);
    loadComparison(
      big,
      big.sources.map((src) => ({ ...summitDocs()[0], id: src.id, outlet: src.outlet }) as SourceDoc),
    );
    render(<SideBySideView />);
    expect(table()).toHaveAttribute('aria-colcount', '13');
    const headers = within(table()).getAllByRole('columnheader');
    // 1200 px wide viewport: the match column and about five 240 px source columns, plus one of overscan.
    expect(headers.length).toBeLessThan(13);
    expect(headers.map((h) => h.getAttribute('aria-colindex'))).toEqual(headers.map((_, i) => String(i + 1)));
    const firstRowCells = within(bodyRows()[0] as HTMLElement).getAllByRole('cell');
    expect(firstRowCells).toHaveLength(headers.length);
  });

  it('lays out every row for printing, not only the scrolled window', () => {
    const long = largeComparison(3, 60);
    loadComparison(
      long,
      long.sources.map((src) => ({ ...summitDocs()[0], id: src.id, outlet: src.outlet }) as SourceDoc),
    );
    render(<SideBySideView />);
    expect(bodyRows().length).toBeLessThan(30);
    act(() => {
      window.dispatchEvent(new Event('beforeprint'));
    });
    expect(bodyRows()).toHaveLength(60);
    act(() => {
      window.dispatchEvent(new Event('afterprint'));
    });
    expect(bodyRows().length).toBeLessThan(30);
  });

  it('explains an empty workspace instead of showing an empty table', () => {
    loadComparison(null, []);
    render(<SideBySideView />);
    expect(screen.queryByRole('table')).toBeNull();
    expect(screen.getByText(/Add at least two sources/)).toBeInTheDocument();
  });

  it('lets the browser pick the direction of right-to-left article text (dir="auto")', () => {
    const arabic = 'قال الرئيس إن المحادثات ستستمر غدا.';
    const c = buildComparison({
      sources: [
        { id: 'a', outlet: 'الجزيرة', units: [{ text: arabic }] },
        { id: 'b', outlet: 'Wire', units: [{ text: 'The president said talks would go on tomorrow.' }] },
      ],
      groups: [['a:u0', 'b:u0']],
      pairs: [{ a: 'a:u0', b: 'b:u0', relation: 'paraphrase', score: 0.4 }],
    });
    loadComparison(c, docsOf(c));
    render(<SideBySideView />);
    const sentence = within(table()).getByText(arabic);
    expect(sentence.closest('[dir="auto"]')).not.toBeNull();
    const header = within(table()).getByRole('columnheader', { name: /الجزيرة/ });
    expect(header.querySelector('bdi')).toHaveTextContent('الجزيرة');
  });

  describe('with seven sources (columns windowed)', () => {
    const SHARED = 'The harbour bridge will close for repairs from Monday.';
    const seven = () =>
      buildComparison({
        sources: ['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((id, i) => ({
          id,
          outlet: `Outlet ${i + 1}`,
          units: [{ text: id === 'a' || id === 'g' ? SHARED : `Story ${i + 1} tells something else.` }],
        })),
        groups: [['a:u0', 'g:u0']],
        pairs: [{ a: 'a:u0', b: 'g:u0', relation: 'identical', score: 1 }],
      });
    let observers: { cb: () => void; el: Element }[] = [];
    beforeEach(() => {
      observers = [];
      vi.stubGlobal(
        'ResizeObserver',
        class {
          constructor(private readonly cb: () => void) {}
          observe(el: Element) {
            observers.push({ cb: this.cb, el });
          }
          unobserve() {}
          disconnect() {}
        },
      );
    });
    afterEach(() => vi.unstubAllGlobals());

    it('renders the 7th source once the table grows wide enough, and labels a shared sentence by all rows', () => {
      const c = seven();
      loadComparison(c, docsOf(c));
      const { container } = render(<SideBySideView />);
      const scroller = container.querySelector<HTMLElement>('[role="table"]');
      expect(scroller).not.toBeNull();
      expect(table()).toHaveAttribute('aria-colcount', '8');
      // A narrow container at first (the layout has not settled): only the first columns are rendered.
      Object.defineProperty(scroller, 'clientWidth', { configurable: true, value: 300 });
      act(() => window.dispatchEvent(new Event('resize')));
      expect(within(table()).queryByRole('columnheader', { name: 'Outlet 7' })).toBeNull();
      // It then grows without any window resize: the observer must bring the 7th column in.
      Object.defineProperty(scroller, 'clientWidth', { configurable: true, value: 2400 });
      act(() => {
        for (const o of observers) if (o.el === scroller) o.cb();
      });
      expect(within(table()).getByRole('columnheader', { name: 'Outlet 7' })).toHaveAttribute(
        'aria-colindex',
        '8',
      );
      const row = rowOf('harbour bridge');
      expect(row.querySelector('[aria-colindex="8"]')).toHaveTextContent(SHARED);
      expect(within(row).getAllByRole('cell')[0]).toHaveTextContent('Identical');
      expect(row).not.toHaveTextContent('Only in');
    });

    it('says "Only in" only for a passage a single source carries', () => {
      const c = seven();
      loadComparison(c, docsOf(c));
      render(<SideBySideView />);
      expect(within(rowOf('Story 4')).getAllByRole('cell')[0]).toHaveTextContent('Only in Outlet 4');
    });

    it('prints every column header, not only the scrolled window', () => {
      const c = seven();
      loadComparison(c, docsOf(c));
      const { container } = render(<SideBySideView />);
      const scroller = container.querySelector<HTMLElement>('[role="table"]');
      Object.defineProperty(scroller, 'clientWidth', { configurable: true, value: 300 });
      act(() => window.dispatchEvent(new Event('resize')));
      expect(within(table()).getAllByRole('columnheader').length).toBeLessThan(8);
      act(() => {
        window.dispatchEvent(new Event('beforeprint'));
      });
      expect(within(table()).getAllByRole('columnheader')).toHaveLength(8);
      act(() => {
        window.dispatchEvent(new Event('afterprint'));
      });
    });
  });

  it('keeps the correction controls and the toolbar off paper (print:hidden)', async () => {
    const user = userEvent.setup();
    render(<SideBySideView />);
    const offPaper = (el: Element) => el.closest('.print\\:hidden') !== null;
    // Make one row "Corrected" so its "Undo correction" button exists.
    await user.click(
      within(rowOf('destruction')).getAllByRole('button', { name: 'Unlink' })[0] as HTMLElement,
    );
    const controls = [
      ...screen.getAllByRole('button', { name: 'Unlink' }),
      ...screen.getAllByRole('button', { name: 'Link…' }),
      ...screen.getAllByRole('combobox', { name: 'Relation' }),
      ...screen.getAllByRole('button', { name: 'Undo correction' }),
      screen.getByRole('radiogroup', { name: 'Show' }),
      screen.getByRole('combobox', { name: 'Reference source' }),
      screen.getByRole('button', { name: 'Next difference' }),
    ];
    expect(controls.filter((el) => !offPaper(el))).toEqual([]);
    // The passages themselves and the relation labels do print.
    expect(
      within(table())
        .getAllByText(/legitimate targets/)
        .filter(offPaper),
    ).toEqual([]);
  });
});

function docsOf(c: Comparison): SourceDoc[] {
  return [...c.sources]
    .sort((x, y) => (x.id < y.id ? -1 : 1))
    .map((src) => ({ ...summitDocs()[0], id: src.id, outlet: src.outlet }) as SourceDoc);
}
