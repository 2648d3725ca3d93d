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

  it('shows each outlet’s wording with verbs, truncation and paraphrase; a close wording as a word diff', () => {
    render(<QuotesView />);
    const putin = screen.getByRole('list', { name: 'Quotes of Vladimir Putin' });
    const [strikes, provide] = within(putin)
      .getAllByRole('listitem', { name: '' })
      .filter((li) => li.parentElement === putin);
    expect(strikes).toHaveTextContent('Quoted by Scopex, Wire report · paraphrased by Daily Courier');
    expect(strikes).toHaveTextContent('paraphrase, not a quote');
    expect(provide).toHaveTextContent('verb: promised');
    expect(provide).toHaveTextContent('Truncated: a shorter cut of Wire report’s quote');
    expect(provide).toHaveTextContent('not in Daily Courier');
    // "working conditions and security" inside a longer quote shares enough words to stay a diff.
    expect([...(provide?.querySelectorAll('ins') ?? [])].map((e) => e.textContent).join(' ')).toContain(
      'provide',
    );
    expect(within(provide as HTMLElement).queryByRole('button', { name: 'Show word diff' })).toBeNull();
  });

  it('shows a different translation as its own text with the shared words marked, and toggles to the diff', async () => {
    const user = userEvent.setup();
    render(<QuotesView />);
    const putin = screen.getByRole('list', { name: 'Quotes of Vladimir Putin' });
    const strikes = within(putin).getAllByRole('listitem', { name: '' })[0] as HTMLElement;
    const wire = within(within(strikes).getByRole('list', { name: 'Wording in each outlet' }))
      .getAllByRole('listitem')
      .find((li) => li.textContent?.startsWith('Wire report')) as HTMLElement;
    const marked = () => [...wire.querySelectorAll('mark')].map((e) => e.textContent);
    const quote = wire.querySelector('blockquote');

    expect(marked()).toEqual(['[shared: We]', '[shared: will]', '[shared: legitimate targets for]']);
    // What a screen reader reads: every marked run says it is shared.
    expect(quote).toHaveTextContent(
      '“[shared: We] [shared: will] regard them as [shared: legitimate targets for] strikes,”',
    );
    expect(quote?.querySelectorAll('ins, del')).toHaveLength(0);
    expect(wire).toHaveTextContent(
      'Different translation or cut — shared words marked (compared with Scopex’s wording)',
    );

    const toggle = within(wire).getByRole('button', { name: 'Show word diff' });
    expect(toggle).toHaveAttribute('aria-pressed', 'false');
    expect(toggle).toHaveAttribute('aria-controls', quote?.id);
    await user.click(toggle);
    expect(toggle).toHaveAttribute('aria-pressed', 'true');
    expect(marked()).toEqual([]);
    expect([...(quote?.querySelectorAll('ins') ?? [])].map((e) => e.textContent).join(' ')).toContain(
      'strikes',
    );
    expect([...(quote?.querySelectorAll('del') ?? [])].map((e) => e.textContent).join(' ')).toContain(
      'destruction',
    );
    expect(wire).toHaveTextContent('Different translation or cut — word diff shown');
    await user.click(toggle);
    expect(marked()).toHaveLength(3);
  });

  it('opens the quoted claim in Side by side', async () => {
    const user = userEvent.setup();
    render(<QuotesView />);
    await user.click(screen.getAllByRole('button', { name: 'Show in Side by side' })[0] as HTMLElement);
    expect(useParallax.getState().ui).toMatchObject({ tab: 'side-by-side', focusedGroupId: 'g2' });
  });
});
