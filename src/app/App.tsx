import { useEffect, useState } from 'react';

interface SampleSource {
  readonly outlet: string;
  readonly title: string;
}

// Foundation shell: replaced by the comparison workspace (issue 4).
export function App() {
  const [sources, setSources] = useState<readonly SampleSource[]>([]);

  async function loadSample() {
    const manifest = (await (await fetch('./sample/manifest.json')).json()) as {
      sources: { file: string; outlet: string }[];
    };
    const loaded = await Promise.all(
      manifest.sources.map(async (s) => {
        const text = await (await fetch(`./sample/${s.file}`)).text();
        return { outlet: s.outlet, title: text.trim().split('\n')[0] ?? '' };
      }),
    );
    setSources(loaded);
  }

  useEffect(() => {
    void loadSample();
  }, []);

  return (
    <main className="mx-auto max-w-5xl p-6">
      <h1 className="text-2xl font-semibold">Parallax</h1>
      <p>Your articles never leave this browser.</p>
      <button type="button" onClick={() => void loadSample()}>
        Load sample
      </button>
      <ul aria-label="Sources">
        {sources.map((s) => (
          <li key={s.outlet}>
            <strong>{s.outlet}</strong> — {s.title}
          </li>
        ))}
      </ul>
    </main>
  );
}
