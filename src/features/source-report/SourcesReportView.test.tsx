// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { beforeEach, describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import { SourcesReportView } from './SourcesReportView.tsx';
import { summitComparison, summitDocs } from '../../test/fixtures/comparison-summit.ts';
import { loadComparison } from '../../test/fixtures/comparison-store.ts';

beforeEach(() => loadComparison(summitComparison(), summitDocs()));

describe('SourcesReportView', () => {
  it('has one region per outlet in workspace order', () => {
    render(<SourcesReportView />);
    expect(screen.getAllByRole('region').map((r) => r.getAttribute('aria-labelledby'))).toHaveLength(3);
    expect(screen.getByRole('region', { name: 'Scopex' })).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Daily Courier' })).toBeInTheDocument();
  });

  it('shows what an outlet alone reports, what it omits, placement and verbatim overlap', () => {
    render(<SourcesReportView />);
    const wire = screen.getByRole('region', { name: 'Wire report' });
    expect(within(wire).getByRole('list', { name: 'Only in Wire report' })).toHaveTextContent(
      'The forum in Vladivostok ran for three days.',
    );
    expect(within(wire).getByRole('list', { name: 'Omitted by Wire report' })).toHaveTextContent(
      'Zelenskiy said Ukraine was open to meetings. (in Scopex, Daily Courier)',
    );
    const cells = within(wire)
      .getAllByRole('cell')
      .map((c) => c.textContent);
    expect(cells).toEqual(['1', '1', '3']);
    const overlap = within(wire).getByRole('list', { name: /Verbatim overlap/ });
    expect(
      within(overlap)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['Scopex12%', 'Daily Courier34%']);
  });

  it('shows the names an outlet shares with each other one, and says which matches were made cautiously', () => {
    render(<SourcesReportView />);
    const wire = screen.getByRole('region', { name: 'Wire report' });
    const names = within(wire).getByRole('list', { name: 'Names Wire report shares with each other source' });
    expect(
      within(names)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['Scopex62%', 'Daily Courier10%']);
    expect(wire).toHaveTextContent(
      /Few in common with Daily Courier: sentences are matched with those more cautiously/,
    );
    const scopex = screen.getByRole('region', { name: 'Scopex' });
    expect(
      within(within(scopex).getByRole('list', { name: /Names Scopex shares/ }))
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['Wire report62%', 'Daily Couriertoo few']);
    expect(scopex).not.toHaveTextContent(/more cautiously/);
  });
});
