export interface Notice {
  id: number;
  kind: 'error' | 'info';
  text: string;
  /** A button that resolves the notice (make an editing copy, locate ffmpeg …). */
  action?: { label: string; run(): void };
}

interface NoticesProps {
  notices: Notice[];
  onDismiss(id: number): void;
}

/** Problems and notes about opened files; text only, never HTML. */
export function Notices({ notices, onDismiss }: NoticesProps) {
  if (notices.length === 0) return null;
  return (
    <ul className="notices" aria-label="Notices">
      {notices.map((notice) => (
        <li key={notice.id} className={`notice ${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'}>
          <span>{notice.text}</span>
          {notice.action && (
            <button
              type="button"
              className="notice-action"
              onClick={() => {
                onDismiss(notice.id);
                notice.action!.run();
              }}
            >
              {notice.action.label}
            </button>
          )}
          <button type="button" className="dismiss" aria-label="Dismiss" onClick={() => onDismiss(notice.id)}>
            ×
          </button>
        </li>
      ))}
    </ul>
  );
}
