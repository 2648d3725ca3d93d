import { Button } from '../components/ui/Button.tsx';
import { ExportMenu } from '../features/export/ExportMenu.tsx';
import { ImportWorkspace } from '../features/export/ImportWorkspace.tsx';
import { SearchBox } from '../features/search/SearchBox.tsx';
import { useParallax } from '../state/store.ts';
import { ThresholdSlider } from './ThresholdSlider.tsx';

/** Title, the privacy promise, and the workspace-wide controls. */
export function Header() {
  const newWorkspace = useParallax((s) => s.newWorkspace);
  const hasSources = useParallax((s) => s.sources.length > 0);
  return (
    <header className="flex flex-wrap items-center gap-x-6 gap-y-2 border-b border-neutral-300 px-4 py-2 dark:border-neutral-700">
      <div className="mr-auto">
        <h1 className="text-xl font-bold tracking-tight">Parallax</h1>
        <p className="text-xs text-neutral-700 dark:text-neutral-300">
          Your articles never leave this browser.
        </p>
      </div>
      <div className="flex flex-wrap items-center gap-2 print:hidden">
        <SearchBox />
        <ThresholdSlider />
        <ExportMenu />
        <ImportWorkspace />
        <Button onClick={newWorkspace} disabled={!hasSources}>
          New workspace
        </Button>
      </div>
    </header>
  );
}
