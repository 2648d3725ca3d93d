// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { beforeEach, describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QuotesView } from './QuotesView.tsx';
import { useParallax } from '../../state/store.ts';
import { summitComparison, summitDocs } from '../../test/fixtures/comparison-summit.ts';
import { loadComparison } from '../../test/fixtures/comparison-store.ts';

beforeEach(() => loadComparison(summitComparison(), summitDocs()));

describe('QuotesView', () => {
  it('groups quotes by speaker under a heading, with spellings, unattributed quotes last and terms apart', () => {
    render(<QuotesView />);
    const ledger = screen.getByRole('region', { name: 'Quote ledger' });
    const headings = within(ledger)
      .getAllByRole('heading', { level: 3 })
      .map((h) => h.textContent);
    expect(headings).toEqual([
      'Vladimir PutinRussian President',
      'Unattributed quotes',
      'Terms in quotation marks',
    ]);
    expect(within(ledger).getByText('Also written: Putin')).toBeInTheDocument();
    expect(within(ledger).getByRole('list', { name: 'Terms in quotation marks' })).toHaveTextContent(
      '“coalition of the willing” in Scopex',
    );
  });

  it('shows each outlet’s wording with word diffs, verbs, truncation and paraphrase', () => {
    render(<QuotesView />);
    const putin = screen.getByRole('list', { name: 'Quotes of Vladimir Putin' });
    const [strikes, provide] = within(putin)
      .getAllByRole('listitem', { name: '' })
      .filter((li) => li.parentElement === putin);
    expect(strikes).toHaveTextContent('Quoted by Scopex, Wire report · paraphrased by Daily Courier');
    expect([...(strikes?.querySelectorAll('ins') ?? [])].map((e) => e.textContent).join(' ')).toContain(
      'strikes',
    );
    expect([...(strikes?.querySelectorAll('del') ?? [])].map((e) => e.textContent).join(' ')).toContain(
      'destruction',
    );
    expect(strikes).toHaveTextContent('paraphrase, not a quote');
    expect(provide).toHaveTextContent('verb: promised');
    expect(provide).toHaveTextContent('Truncated: a shorter cut of Wire report’s quote');
    expect(provide).toHaveTextContent('not in Daily Courier');
  });

  it('opens the quoted claim in Side by side', async () => {
    const user = userEvent.setup();
    render(<QuotesView />);
    await user.click(screen.getAllByRole('button', { name: 'Show in Side by side' })[0] as HTMLElement);
    expect(useParallax.getState().ui).toMatchObject({ tab: 'side-by-side', focusedGroupId: 'g2' });
  });
});
