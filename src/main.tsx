import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import { ErrorBoundary } from './components/ErrorBoundary.tsx';
import { exportWorkspace } from './features/export/export-actions.ts';
import { useParallax } from './state/store.ts';
import './index.css';

const root = document.getElementById('root');
if (!root) throw new Error('Parallax could not start: the page has no #root element.');
createRoot(root).render(
  <StrictMode>
    <ErrorBoundary
      onExportWorkspace={() => exportWorkspace(useParallax.getState())}
      onReload={() => window.location.reload()}
    >
      <App />
    </ErrorBoundary>
  </StrictMode>,
);
