interface EmptyStateProps {
  canOpenMedia: boolean;
  onOpenTranscript(): void;
  onOpenMedia(): void;
  onOpenSample(): void;
}

/** What a first start shows: what Cuesmith is for, and the ways in. */
export function EmptyState({ canOpenMedia, onOpenTranscript, onOpenMedia, onOpenSample }: EmptyStateProps) {
  return (
    <div className="empty-state">
      <h1>Fix a transcript against its audio</h1>
      <p>
        Open a transcript from Whisper or any subtitle file, with its recording. Fix timings on the waveform, clean
        out what speech-to-text got wrong, and export captions that play everywhere.
      </p>
      <div className="empty-actions">
        <button type="button" className="primary" onClick={onOpenTranscript}>
          Open transcript…
        </button>
        {canOpenMedia && (
          <button type="button" onClick={onOpenMedia}>
            Open media…
          </button>
        )}
        <button type="button" onClick={onOpenSample}>
          Open sample
        </button>
      </div>
      <p className="hint">
        The sample is a short recording with a raw Whisper-style transcript: late timings, a repeated sentence, a
        40&nbsp;ms cue, a garbled word and an over-long line.
        {!canOpenMedia && ' In the browser, give the media file on the command line: npm run web -- transcript.srt audio.mp3'}
      </p>
    </div>
  );
}
