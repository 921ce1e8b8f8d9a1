export interface Notice {
  id: number;
  kind: 'error' | 'info';
  text: string;
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
          <button type="button" aria-label="Dismiss" onClick={() => onDismiss(notice.id)}>
            ×
          </button>
        </li>
      ))}
    </ul>
  );
}
