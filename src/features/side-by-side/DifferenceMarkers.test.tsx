// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest';
import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render } from '@testing-library/react';
import { DifferenceMarkers } from './DifferenceMarkers.tsx';
import { buildSideBySide, differenceIndices } from '../../state/selectors/side-by-side.ts';
import { SUMMIT_ORDER, summitComparison } from '../../test/fixtures/comparison-summit.ts';
import { largeComparison } from '../../test/fixtures/comparison-large.ts';

describe('DifferenceMarkers', () => {
  it('draws one tick per difference, conflicts outranking omissions, and jumps on click', () => {
    const rows = buildSideBySide(
      summitComparison(),
      { sourceOrder: SUMMIT_ORDER, referenceSourceId: null },
      [],
    ).rows;
    const onJump = vi.fn();
    const { container } = render(
      <DifferenceMarkers rows={rows} indices={differenceIndices(rows)} onJump={onJump} />,
    );
    const strip = container.firstElementChild as HTMLElement;
    expect(strip).toHaveAttribute('aria-hidden', 'true');
    const ticks = [...strip.children] as HTMLElement[];
    expect(ticks).toHaveLength(differenceIndices(rows).length);
    expect(ticks[1]?.title).toBe('Row 2: conflict');
    fireEvent.click(ticks[1] as HTMLElement);
    expect(onJump).toHaveBeenCalledWith(1);
  });

  it('caps the number of ticks on very long comparisons', () => {
    const rows = buildSideBySide(
      largeComparison(4, 900),
      { sourceOrder: [], referenceSourceId: null },
      [],
    ).rows;
    const { container } = render(
      <DifferenceMarkers rows={rows} indices={differenceIndices(rows)} onJump={() => undefined} />,
    );
    expect(differenceIndices(rows).length).toBeGreaterThan(200);
    expect(container.firstElementChild?.children.length).toBeLessThanOrEqual(200);
  });
});
