import { useEffect, useState } from 'react';
import type { AnalysisProgressInfo, CuesmithApi } from '../../../shared/api';

interface AnalysisStatusProps {
  api: CuesmithApi;
  mediaId: string;
  onCancel(): void;
}

const POLL_MS = 200;

function describe(progress: AnalysisProgressInfo): string {
  const what = progress.task === 'proxy' ? 'Making an accurate editing copy' : 'Reading audio';
  const percent = `${Math.floor(progress.fraction * 100)} %`;
  if (progress.secondsRemaining === null) return `${what}… ${percent}`;
  const left = progress.secondsRemaining < 60 ? `${Math.ceil(progress.secondsRemaining)} s` : `${Math.ceil(progress.secondsRemaining / 60)} min`;
  return `${what}… ${percent} · about ${left} left`;
}

/**
 * A real progress bar while a recording is read (or its editing copy made): fraction done
 * and time remaining from the main side, polled, so it works the same in both hosts.
 */
export function AnalysisStatus({ api, mediaId, onCancel }: AnalysisStatusProps) {
  const [progress, setProgress] = useState<AnalysisProgressInfo | null>(null);
  useEffect(() => {
    let stopped = false;
    const poll = async () => {
      try {
        const next = await api.mediaProgress(mediaId);
        if (stopped) return;
        setProgress(next);
        if (next.state === 'running') setTimeout(() => void poll(), POLL_MS);
      } catch {
        // The media was closed; the owner hides this component.
      }
    };
    void poll();
    return () => {
      stopped = true;
    };
  }, [api, mediaId]);
  const fraction = progress?.fraction ?? 0;
  return (
    <div className="analysis-status">
      <progress aria-label="Reading audio" max={1} value={fraction} />
      <span className="muted">{progress ? describe(progress) : 'Reading audio…'}</span>
      <button type="button" onClick={onCancel}>
        Cancel
      </button>
    </div>
  );
}
