import type { ComponentType } from 'react';
import { ErrorBoundary } from '../components/ErrorBoundary.tsx';
import { TabPanel, Tabs } from '../components/ui/Tabs.tsx';
import { CoverageView } from '../features/coverage/CoverageView.tsx';
import { DiscrepanciesView } from '../features/discrepancies/DiscrepanciesView.tsx';
import { QuotesView } from '../features/quotes/QuotesView.tsx';
import { SourcesReportView } from '../features/source-report/SourcesReportView.tsx';
import { SideBySideView } from '../features/side-by-side/SideBySideView.tsx';
import { exportWorkspace } from '../features/export/export-actions.ts';
import type { ViewTab } from '../state/slices/types.ts';
import { useParallax } from '../state/store.ts';

const TABS: readonly { id: ViewTab; label: string; View: ComponentType }[] = [
  { id: 'side-by-side', label: 'Side by side', View: SideBySideView },
  { id: 'coverage', label: 'Coverage', View: CoverageView },
  { id: 'quotes', label: 'Quotes', View: QuotesView },
  { id: 'discrepancies', label: 'Discrepancies', View: DiscrepanciesView },
  { id: 'sources', label: 'Sources', View: SourcesReportView },
];

/** Engine problems that concern the whole comparison ("add at least two sources"), shown above the views. */
function ComparisonProblems() {
  const problems = useParallax((s) => s.comparison?.problems);
  const general = (problems ?? []).filter((p) => !p.sourceId);
  if (general.length === 0) return null;
  return (
    <div className="mb-2 rounded bg-amber-100 px-3 py-2 text-sm text-amber-950 dark:bg-amber-950 dark:text-amber-50">
      {general.map((p) => (
        <p key={p.code + p.message}>{p.message}</p>
      ))}
    </div>
  );
}

/** The tab list "Views" and the selected view. Each view has its own error boundary: one failing view leaves the rest usable. */
export function Views() {
  const tab = useParallax((s) => s.ui.tab);
  const setTab = useParallax((s) => s.setTab);
  const current = TABS.find((t) => t.id === tab) ?? TABS[0];
  if (!current) return null;
  const { View } = current;
  return (
    <div className="flex min-h-0 flex-1 flex-col">
      <Tabs label="Views" idPrefix="view" tabs={TABS} selected={current.id} onSelect={setTab} />
      <TabPanel
        idPrefix="view"
        id={current.id}
        className="min-h-0 flex-1 overflow-auto pt-3 print:overflow-visible"
      >
        <ComparisonProblems />
        <ErrorBoundary
          key={current.id}
          onExportWorkspace={() => exportWorkspace(useParallax.getState())}
          onReload={() => window.location.reload()}
        >
          <View />
        </ErrorBoundary>
      </TabPanel>
    </div>
  );
}
