import type { FormatId } from '../../../shared/formats';
import { styledRunsOf } from '../../../shared/formats/convert';

interface CaptionOverlayProps {
  text: string | null;
  format: FormatId;
}

/**
 * The cue being played, drawn over the video the way a player shows it. The text becomes
 * React text nodes only — never HTML — and only italic, bold and underline are styled.
 */
export function CaptionOverlay({ text, format }: CaptionOverlayProps) {
  if (!text) return null;
  const runs = styledRunsOf(text, format);
  return (
    <div className="caption-overlay" aria-live="off" data-testid="caption-overlay">
      <span className="caption-box">
        {runs.map((run, i) => (
          <span key={i} className={[run.italic && 'italic', run.bold && 'bold', run.underline && 'underline'].filter(Boolean).join(' ') || undefined}>
            {run.text}
          </span>
        ))}
      </span>
    </div>
  );
}
