// @vitest-environment jsdom
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { DiffText } from './DiffText.tsx';
import { TabPanel, Tabs } from './Tabs.tsx';

const TABS = [
  { id: 'a', label: 'Side by side' },
  { id: 'b', label: 'Coverage' },
  { id: 'c', label: 'Quotes' },
] as const;

function Harness() {
  const [tab, setTab] = useState<'a' | 'b' | 'c'>('a');
  return (
    <>
      <Tabs label="Views" idPrefix="t" tabs={TABS} selected={tab} onSelect={setTab} />
      <TabPanel idPrefix="t" id={tab}>
        panel {tab}
      </TabPanel>
    </>
  );
}

describe('Tabs', () => {
  it('follows the WAI-ARIA tabs pattern: arrows move and select, Home/End jump, one tab stop', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    const list = screen.getByRole('tablist', { name: 'Views' });
    expect(list).toBeInTheDocument();
    const first = screen.getByRole('tab', { name: 'Side by side' });
    expect(first).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByRole('tab', { name: 'Coverage' })).toHaveAttribute('tabindex', '-1');
    await user.tab();
    expect(first).toHaveFocus();
    await user.keyboard('{ArrowRight}');
    expect(screen.getByRole('tab', { name: 'Coverage' })).toHaveFocus();
    expect(screen.getByRole('tabpanel', { name: 'Coverage' })).toHaveTextContent('panel b');
    await user.keyboard('{ArrowLeft}{ArrowLeft}');
    expect(screen.getByRole('tab', { name: 'Quotes' })).toHaveAttribute('aria-selected', 'true');
    await user.keyboard('{Home}');
    expect(first).toHaveAttribute('aria-selected', 'true');
    await user.keyboard('{End}');
    expect(screen.getByRole('tab', { name: 'Quotes' })).toHaveFocus();
  });
});

describe('DiffText', () => {
  it('marks added words with <ins> and removed words with <del>, not by colour alone', () => {
    const { container } = render(
      <DiffText
        parts={[
          { op: 'equal', text: 'targets for ' },
          { op: 'delete', text: 'destruction' },
          { op: 'insert', text: 'strikes' },
        ]}
      />,
    );
    expect(container.querySelector('ins')).toHaveTextContent('strikes');
    expect(container.querySelector('ins')?.className).toContain('underline');
    expect(container.querySelector('del')).toHaveTextContent('destruction');
    expect(container.querySelector('del')?.className).toContain('line-through');
    expect(container).toHaveTextContent('[added: strikes]');
  });

  it('shows only one side when asked', () => {
    const parts = [
      { op: 'equal', text: 'a ' },
      { op: 'delete', text: 'old' },
      { op: 'insert', text: 'new' },
    ] as const;
    const { container, rerender } = render(<DiffText parts={parts} show="a" />);
    expect(container.querySelector('ins')).toBeNull();
    rerender(<DiffText parts={parts} show="b" />);
    expect(container.querySelector('del')).toBeNull();
  });
});
