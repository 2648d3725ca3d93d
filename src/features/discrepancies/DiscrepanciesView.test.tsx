// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { beforeEach, describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { DiscrepanciesView } from './DiscrepanciesView.tsx';
import { useParallax } from '../../state/store.ts';
import { summitComparison, summitDocs } from '../../test/fixtures/comparison-summit.ts';
import { loadComparison } from '../../test/fixtures/comparison-store.ts';

beforeEach(() => loadComparison(summitComparison(), summitDocs()));

describe('DiscrepanciesView', () => {
  it('lists each disagreeing value with both passages and the values marked', () => {
    render(<DiscrepanciesView />);
    const list = screen.getByRole('list', { name: 'Discrepancies' });
    const items = within(list).getAllByRole('listitem');
    expect(items).toHaveLength(3);
    expect(items[2]).toHaveTextContent('Number');
    expect(items[2]).toHaveTextContent('Scopex: “35” vs Wire report: “26”');
    expect([...(items[2]?.querySelectorAll('mark') ?? [])].map((m) => m.textContent)).toEqual(['35', '26']);
    expect(within(items[0] as HTMLElement).getByText('Weekday')).toBeInTheDocument();
  });

  it('jumps to the row in Side by side', async () => {
    const user = userEvent.setup();
    render(<DiscrepanciesView />);
    const items = within(screen.getByRole('list', { name: 'Discrepancies' })).getAllByRole('listitem');
    await user.click(within(items[2] as HTMLElement).getByRole('button', { name: 'Show in Side by side' }));
    expect(useParallax.getState().ui).toMatchObject({ tab: 'side-by-side', focusedGroupId: 'g3' });
  });

  it('says so when nothing disagrees', () => {
    const c = summitComparison();
    loadComparison({ ...c, report: { ...c.report, discrepancies: [] } }, summitDocs());
    render(<DiscrepanciesView />);
    expect(screen.getByText(/No numbers, dates, weekdays or names disagree/)).toBeInTheDocument();
  });
});
