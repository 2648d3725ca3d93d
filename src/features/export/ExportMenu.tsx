import { Menu } from '../../components/ui/Menu.tsx';
import { useParallax } from '../../state/store.ts';
import { runExport, type ExportKind } from './export-actions.ts';

const ITEMS: readonly { id: ExportKind; label: string }[] = [
  { id: 'workspace', label: 'Workspace (JSON)' },
  { id: 'markdown', label: 'Markdown report' },
  { id: 'html', label: 'HTML report' },
  { id: 'csv', label: 'Coverage (CSV)' },
];

/** "Export" menu: the workspace itself (re-importable) and three reports of the comparison. */
export function ExportMenu() {
  const hasComparison = useParallax((s) => s.comparison !== null);
  const hasSources = useParallax((s) => s.sources.length > 0);
  return (
    <Menu
      label="Export"
      items={ITEMS.map((i) => ({ ...i, disabled: i.id === 'workspace' ? !hasSources : !hasComparison }))}
      onChoose={(id) => runExport(id as ExportKind, useParallax.getState())}
    />
  );
}
