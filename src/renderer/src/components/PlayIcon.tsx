/** Play / pause glyphs for the transport button (decorative; the button carries the name). */
export function PlayIcon({ playing }: { playing: boolean }) {
  return (
    <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      {playing ? (
        <path d="M4 3h3v10H4zM9 3h3v10H9z" fill="currentColor" />
      ) : (
        <path d="M4 2.5v11l9-5.5z" fill="currentColor" />
      )}
    </svg>
  );
}
