import { useId } from 'react';
import { buttonClass } from '../../components/ui/Button.tsx';

export const ACCEPTED_FILES = '.txt,.md,.markdown,.html,.htm,.json';

export interface AddFilesInputProps {
  readonly onFiles: (files: File[]) => void;
  readonly variant?: 'primary' | 'secondary';
}

/**
 * `<input type="file" multiple>` labelled "Add files". The input stays in the accessibility tree and the tab order
 * (visually hidden); its label looks like a button and shows the focus ring when the input has keyboard focus.
 */
export function AddFilesInput({ onFiles, variant = 'secondary' }: AddFilesInputProps) {
  const id = useId();
  return (
    <span className="inline-block">
      <input
        id={id}
        type="file"
        multiple
        accept={ACCEPTED_FILES}
        className="peer sr-only"
        onChange={(e) => {
          const files = [...(e.target.files ?? [])];
          // Reset so choosing the same file again still fires a change.
          e.target.value = '';
          onFiles(files);
        }}
      />
      <label
        htmlFor={id}
        className={`${buttonClass(variant)} cursor-pointer peer-focus-visible:outline-2 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-blue-600`}
      >
        Add files
      </label>
    </span>
  );
}
