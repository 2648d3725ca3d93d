import { useEffect, useRef, useState } from 'react';
import { addFiles } from '../features/sources/add-files.ts';
import { useParallax } from '../state/store.ts';

function hasFiles(e: DragEvent): boolean {
  return [...(e.dataTransfer?.types ?? [])].includes('Files');
}

/** The whole window accepts dropped files; while files are dragged over it, an overlay says so. */
export function DropOverlay() {
  const [dragging, setDragging] = useState(false);
  // dragenter/dragleave fire for every child element: count them so the overlay does not flicker.
  const depth = useRef(0);

  useEffect(() => {
    const onEnter = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      depth.current += 1;
      setDragging(true);
    };
    const onOver = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    };
    const onLeave = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth.current = Math.max(0, depth.current - 1);
      if (depth.current === 0) setDragging(false);
    };
    const onDrop = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      depth.current = 0;
      setDragging(false);
      void addFiles([...(e.dataTransfer?.files ?? [])], useParallax.getState);
    };
    window.addEventListener('dragenter', onEnter);
    window.addEventListener('dragover', onOver);
    window.addEventListener('dragleave', onLeave);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('dragenter', onEnter);
      window.removeEventListener('dragover', onOver);
      window.removeEventListener('dragleave', onLeave);
      window.removeEventListener('drop', onDrop);
    };
  }, []);

  if (!dragging) return null;
  return (
    <div className="pointer-events-none fixed inset-0 z-50 flex items-center justify-center bg-blue-900/60 p-8">
      <p className="rounded-lg border-4 border-dashed border-white bg-blue-950/80 px-10 py-8 text-2xl font-semibold text-white">
        Drop files to add them
      </p>
    </div>
  );
}
