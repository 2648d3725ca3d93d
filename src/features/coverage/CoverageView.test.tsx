// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { beforeEach, describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { CoverageView } from './CoverageView.tsx';
import { useParallax } from '../../state/store.ts';
import { summitComparison, summitDocs } from '../../test/fixtures/comparison-summit.ts';
import { loadComparison } from '../../test/fixtures/comparison-store.ts';

beforeEach(() => loadComparison(summitComparison(), summitDocs()));

const matrix = () => screen.getByRole('table', { name: /Coverage matrix/ });
const bodyRows = () => within(matrix()).getAllByRole('row').slice(1);

describe('CoverageView', () => {
  it('shows a claims x sources table with a column header per source', () => {
    render(<CoverageView />);
    const headers = within(matrix())
      .getAllByRole('columnheader')
      .map((h) => h.textContent?.replace(/[▲▼↕]/g, ''));
    expect(headers).toEqual(['#', 'Claim', 'Outlets', 'Scopex', 'Wire report', 'Daily Courier']);
    expect(bodyRows()).toHaveLength(8);
  });

  it('says present / absent / conflicting in text, not only in colour', () => {
    render(<CoverageView />);
    const forum = bodyRows().find((r) => r.textContent?.includes('The forum in Vladivostok')) as HTMLElement;
    const cells = within(forum)
      .getAllByRole('button')
      .map((b) => b.textContent);
    expect(cells[0]).toMatch(/^–Absent in Scopex/);
    expect(cells[1]).toMatch(/^✓Present in Wire report/);
    const lede = bodyRows().find((r) => r.textContent?.includes('on Monday')) as HTMLElement;
    expect(within(lede).getAllByRole('button', { name: /Conflicting/ })).toHaveLength(3);
  });

  it('sorts by a column header button and reports it with aria-sort', async () => {
    const user = userEvent.setup();
    render(<CoverageView />);
    const daily = within(matrix()).getByRole('columnheader', { name: /Daily Courier/ });
    expect(daily).toHaveAttribute('aria-sort', 'none');
    await user.click(within(daily).getByRole('button'));
    expect(daily).toHaveAttribute('aria-sort', 'ascending');
    expect(within(bodyRows()[0] as HTMLElement).getAllByRole('button')[2]).toHaveTextContent(/Absent/);
    await user.click(within(daily).getByRole('button'));
    expect(daily).toHaveAttribute('aria-sort', 'descending');
    expect(within(bodyRows()[0] as HTMLElement).getAllByRole('button')[2]).toHaveTextContent(/Conflicting/);
  });

  it('opens the claim in Side by side from a cell', async () => {
    const user = userEvent.setup();
    render(<CoverageView />);
    const forum = bodyRows().find((r) => r.textContent?.includes('The forum in Vladivostok')) as HTMLElement;
    await user.click(within(forum).getByRole('button', { name: /Present in Wire report/ }));
    expect(useParallax.getState().ui).toMatchObject({ tab: 'side-by-side', focusedGroupId: 'g6' });
  });

  it('charts the share of claims per source', () => {
    render(<CoverageView />);
    expect(screen.getByRole('figure', { name: 'Share of claims' })).toBeInTheDocument();
    const bars = within(screen.getByRole('list', { name: 'Share of claims' })).getAllByRole('listitem');
    expect(bars.map((b) => b.textContent)).toEqual([
      expect.stringContaining('Scopex75%'),
      expect.stringContaining('Wire report75%'),
      expect.stringContaining('Daily Courier50%'),
    ]);
  });
});
