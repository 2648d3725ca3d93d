// @vitest-environment jsdom
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Comparison } from '../../core/model.ts';
import { DEFAULT_WORKSPACE_OPTIONS } from '../../lib/workspace-model.ts';
import { INITIAL_UI } from '../../state/slices/ui.ts';
import { useParallax } from '../../state/store.ts';
import { SearchBox } from './SearchBox.tsx';
import { buildSearchIndex } from './search-index.ts';

const unit = (sourceId: string, index: number, text: string) => ({
  id: `${sourceId}:u${index}`,
  sourceId,
  index,
  text,
  kind: 'sentence' as const,
  start: 0,
  end: text.length,
  paragraph: 0,
  position: 'body' as const,
});

const comparison = {
  units: [
    unit('a', 0, 'Putin warned that Western troops would be legitimate targets.'),
    unit('b', 0, 'Zelenskyy said Ukraine needs security guarantees.'),
    unit('b', 1, 'The so-called coalition of the willing met in Paris.'),
  ],
  groups: [
    { id: 'g0', unitIds: ['a:u0'] },
    { id: 'g1', unitIds: ['b:u0'] },
    { id: 'g2', unitIds: ['b:u1'] },
  ],
} as unknown as Comparison;

beforeEach(() => {
  useParallax.setState({
    sources: [
      { id: 'a', outlet: 'Wire report', text: '', restored: [], origin: { kind: 'paste' }, addedAt: '' },
      { id: 'b', outlet: 'Scopex', text: '', restored: [], origin: { kind: 'paste' }, addedAt: '' },
    ],
    options: DEFAULT_WORKSPACE_OPTIONS,
    comparison,
    ui: { ...INITIAL_UI, tab: 'coverage' },
  });
});

describe('search', () => {
  it('tolerates spelling variants and says where each passage is', () => {
    const index = buildSearchIndex(comparison, (id) => (id === 'a' ? 'Wire report' : 'Scopex'));
    const [hit] = index.search('Zelensky');
    expect(hit).toMatchObject({ outlet: 'Scopex', position: 1, groupId: 'g1' });
    expect(index.search('x')).toEqual([]);
  });

  it('lists matches and opens the chosen one in Side by side', async () => {
    const user = userEvent.setup();
    render(<SearchBox />);
    await user.type(screen.getByRole('searchbox', { name: 'Search all sources' }), 'coalition');
    const results = screen.getByRole('list', { name: 'Search results' });
    const first = within(results).getAllByRole('button')[0]!;
    expect(first).toHaveTextContent('Scopex · sentence 2');
    await user.click(first);
    expect(useParallax.getState().ui).toMatchObject({ tab: 'side-by-side', focusedGroupId: 'g2' });
    expect(screen.queryByRole('list', { name: 'Search results' })).not.toBeInTheDocument();
  });

  it('is reachable with "/" and walks the results with the arrow keys', async () => {
    const user = userEvent.setup();
    render(<SearchBox />);
    await user.keyboard('/');
    const box = screen.getByRole('searchbox', { name: 'Search all sources' });
    expect(box).toHaveFocus();
    await user.keyboard('legitimate targets');
    await user.keyboard('{ArrowDown}');
    expect(
      within(screen.getByRole('list', { name: 'Search results' })).getAllByRole('button')[0],
    ).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(useParallax.getState().ui.focusedGroupId).toBe('g0');
  });
});
