// Shared Vitest setup. DOM matchers are only registered where a DOM exists (component tests opt in with
// `// @vitest-environment jsdom`); core tests run in plain Node.
import { afterEach, expect } from 'vitest';
import * as matchers from '@testing-library/jest-dom/matchers';

expect.extend(matchers);

if (typeof document !== 'undefined') {
  const { cleanup } = await import('@testing-library/react');
  afterEach(() => cleanup());
}
