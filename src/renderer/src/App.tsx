import { useCallback, useEffect, useRef, useState } from 'react';
import type { HostInfo, MenuCommand, OpenedMedia, OpenedTranscript, Session } from '../../shared/api';
import { getFormat } from '../../shared/formats';
import { DEFAULT_PREFERENCES, PLAYBACK_RATES, type Preferences } from '../../shared/preferences';
import { DEFAULT_PROFILE, PROFILES, findProfile } from '../../shared/profiles';
import { formatClock } from '../../shared/time';
import { connectHost } from './api';
import { EmptyState } from './components/EmptyState';
import { EncodingMenu } from './components/EncodingMenu';
import { AnalysisStatus } from './components/AnalysisStatus';
import { Notices, type Notice } from './components/Notices';
import { CaptionOverlay } from './components/CaptionOverlay';
import { PlayIcon } from './components/PlayIcon';
import { ShortcutsOverlay } from './components/ShortcutsOverlay';
import { Splitter } from './components/Splitter';
import { acceptsTyping, usesSpaceKey } from './keyboard';
import { Workbench } from './Workbench';

const host = connectHost();
const api = host.api;

type OpenDocument = Omit<OpenedTranscript, 'text' | 'notices'>;
type PeaksState = 'none' | 'loading' | 'ready' | 'failed' | 'copying';

const TRANSCRIPT_ACCEPT = '.srt,.txt,.vtt,.sbv,.ass,.ssa,.lrc,.json,.tsv,.csv,text/plain';

export function App() {
  const [hostInfo, setHostInfo] = useState<HostInfo | null>(null);
  const [document_, setDocument] = useState<OpenDocument | null>(null);
  const [media, setMedia] = useState<OpenedMedia | null>(null);
  const [peaksState, setPeaksState] = useState<PeaksState>('none');
  const [dirty, setDirty] = useState(false);
  const [playing, setPlaying] = useState(false);
  const [cueCount, setCueCount] = useState(0);
  const [cursorCue, setCursorCue] = useState(-1);
  const [notices, setNotices] = useState<Notice[]>([]);
  const [playingText, setPlayingText] = useState<string | null>(null);
  const [preferences, setPreferences] = useState<Preferences>(DEFAULT_PREFERENCES);
  const [playbackRate, setPlaybackRate] = useState(1);
  const [shortcutsOpen, setShortcutsOpen] = useState(false);
  const [problems, setProblems] = useState(0);
  const [videoWidth, setVideoWidth] = useState(480);
  const [waveformHeight, setWaveformHeight] = useState(172);

  const editorRef = useRef<HTMLDivElement>(null);
  const waveformRef = useRef<HTMLDivElement>(null);
  const timeRef = useRef<HTMLSpanElement>(null);
  const fileInputRef = useRef<HTMLInputElement>(null);
  const workbenchRef = useRef<Workbench | null>(null);
  const noticeId = useRef(0);

  const notify = useCallback((kind: Notice['kind'], text: string, action?: Notice['action']) => {
    setNotices((list) => [...list.filter((n) => n.text !== text), { id: ++noticeId.current, kind, text, action }]);
  }, []);
  // Read through a ref so that callbacks using it stay the same once the host answers.
  const hostInfoRef = useRef<HostInfo | null>(null);
  hostInfoRef.current = hostInfo;
  const fail = useCallback(
    (error: unknown) => {
      const text = error instanceof Error ? error.message : String(error);
      // Where ffmpeg is missing and the host has dialogs, offer to point at one.
      const locate = /ffmpeg was not found/.test(text) && hostInfoRef.current?.nativeDialogs;
      notify(
        'error',
        text,
        locate
          ? {
              label: 'Locate ffmpeg…',
              run: () =>
                void api.locateFfmpegDialog().then(
                  (file) => file && notify('info', `Using ${file}. Open the recording again to read it.`),
                  (problem: unknown) => notify('error', problem instanceof Error ? problem.message : String(problem)),
                ),
            }
          : undefined,
      );
    },
    [notify],
  );

  // The workbench lives as long as the page; React only hosts its elements.
  useEffect(() => {
    const workbench = new Workbench(editorRef.current!, {
      onCueCount: (count) => {
        setCueCount(count);
        setProblems(workbenchRef.current?.editor.problemCount ?? 0);
      },
      onCursorCue: setCursorCue,
      onDirty: setDirty,
      onPlaying: setPlaying,
      onTime: (ms) => {
        if (timeRef.current) timeRef.current.textContent = formatClock(ms);
      },
      onPlayingCue: setPlayingText,
      onPlaybackRate: setPlaybackRate,
      onFollowPlayback: (follow) => setPreferences((p) => (p.followPlayback === follow ? p : { ...p, followPlayback: follow })),
      onShowShortcuts: () => setShortcutsOpen(true),
      onMessage: (text) => notify('info', text),
    });
    workbenchRef.current = workbench;
    return () => {
      workbench.destroy();
      workbenchRef.current = null;
    };
  }, [notify]);

  // Preferences live on the main side (settings.json), shared by both hosts.
  useEffect(() => {
    api.preferences().then(setPreferences, () => undefined);
  }, []);
  useEffect(() => {
    const workbench = workbenchRef.current;
    if (!workbench) return;
    workbench.setProfile(findProfile(preferences.profile) ?? DEFAULT_PROFILE);
    workbench.setFollowPlayback(preferences.followPlayback);
    workbench.setKeyOverrides(preferences.keys);
  }, [preferences]);
  const preferencesRef = useRef(preferences);
  preferencesRef.current = preferences;
  const updatePreferences = useCallback((change: Partial<Preferences>) => {
    setPreferences((current) => {
      const next = { ...current, ...change };
      api.savePreferences(next).catch(() => undefined);
      return next;
    });
  }, []);

  const confirmDiscard = useCallback(
    () => !workbenchRef.current?.isDirty || window.confirm('The transcript has unsaved changes. Discard them?'),
    [],
  );

  const showTranscript = useCallback(
    (transcript: OpenedTranscript) => {
      workbenchRef.current?.loadTranscript(transcript.text, transcript.format);
      const { text: _text, notices: fileNotices, ...rest } = transcript;
      setDocument(rest);
      for (const text of fileNotices) notify('info', text);
    },
    [notify],
  );

  const showSession = useCallback(
    (session: Session) => {
      if (session.transcript) showTranscript(session.transcript);
      if (session.media) setMedia(session.media);
      for (const problem of session.problems) notify('error', problem);
    },
    [notify, showTranscript],
  );

  // Files given on the command line, asked for once (React's development mode runs effects twice).
  const startedUp = useRef(false);
  useEffect(() => {
    if (startedUp.current) return;
    startedUp.current = true;
    api.hostInfo().then(setHostInfo, fail);
    api.startupSession().then(showSession, fail);
  }, [fail, showSession]);

  // The media whose waveform is wanted now; answers for an earlier one are dropped.
  const currentMedia = useRef<string | null>(null);

  const loadPeaks = useCallback(
    (mediaId: string) => {
      const workbench = workbenchRef.current;
      currentMedia.current = mediaId;
      setPeaksState('loading');
      api.mediaPeaks(mediaId).then(
        (peaks) => {
          if (currentMedia.current !== mediaId) return;
          workbench?.showPeaks(peaks);
          setPeaksState('ready');
        },
        (error: unknown) => {
          if (currentMedia.current !== mediaId) return;
          setPeaksState('failed');
          const text = error instanceof Error ? error.message : String(error);
          if (/was canceled/.test(text)) notify('info', text, { label: 'Read it again', run: () => loadPeaks(mediaId) });
          else fail(error);
        },
      );
    },
    [fail, notify],
  );

  // A new media element (a new file, or its editing copy): connect it, then fetch its peaks.
  const mediaElementRef = useCallback(
    (element: HTMLMediaElement | null) => {
      const workbench = workbenchRef.current;
      if (!element || !workbench || !media || !waveformRef.current) return;
      workbench.attachMedia(element, waveformRef.current);
      workbench.setPlaybackRate(preferencesRef.current.playbackRate);
      loadPeaks(media.id);
    },
    [media, loadPeaks],
  );

  const makeEditingCopy = useCallback(
    async (mediaId: string) => {
      setPeaksState('copying');
      try {
        setMedia(await api.makeEditingCopy(mediaId));
      } catch (error) {
        setPeaksState('failed');
        fail(error);
      }
    },
    [fail],
  );

  const selectTrack = useCallback(
    async (mediaId: string, track: number) => {
      setPeaksState('copying');
      try {
        setMedia(await api.selectAudioTrack(mediaId, track));
      } catch (error) {
        setPeaksState('failed');
        fail(error);
      }
    },
    [fail],
  );

  // A variable-bitrate MP3 plays, but seeking in it is approximate: offer the remedy once.
  useEffect(() => {
    if (media?.vbrMp3 && !media.proxy) {
      notify(
        'info',
        `${media.name} is a variable-bitrate MP3: players seek in it inaccurately, so captions timed on the waveform can drift. An editing copy (AAC) seeks exactly; your file is not changed.`,
        { label: 'Make an accurate editing copy', run: () => void makeEditingCopy(media.id) },
      );
    }
  }, [media, makeEditingCopy, notify]);

  const openTranscript = useCallback(async () => {
    if (!confirmDiscard()) return;
    if (hostInfo?.nativeDialogs) {
      try {
        const transcript = await api.openTranscriptDialog();
        if (transcript) showTranscript(transcript);
      } catch (error) {
        fail(error);
      }
    } else {
      fileInputRef.current?.click();
    }
  }, [confirmDiscard, fail, hostInfo, showTranscript]);

  const importPicked = useCallback(
    async (file: File) => {
      try {
        showTranscript(await api.importTranscript(file.name, new Uint8Array(await file.arrayBuffer())));
      } catch (error) {
        fail(error);
      }
    },
    [fail, showTranscript],
  );

  const openMedia = useCallback(async () => {
    try {
      const opened = await api.openMediaDialog();
      if (opened) setMedia(opened);
    } catch (error) {
      fail(error);
    }
  }, [fail]);

  const openSample = useCallback(async () => {
    if (!confirmDiscard()) return;
    try {
      showSession(await api.openSample());
    } catch (error) {
      fail(error);
    }
  }, [confirmDiscard, fail, showSession]);

  const reopenWithEncoding = useCallback(
    async (encoding: string) => {
      if (!document_ || !confirmDiscard()) return;
      try {
        showTranscript(await api.reopenWithEncoding(document_.id, encoding));
      } catch (error) {
        fail(error);
      }
    },
    [confirmDiscard, document_, fail, showTranscript],
  );

  const downloadCopy = useCallback((name: string, text: string) => {
    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }));
    link.download = name;
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
  }, []);

  const save = useCallback(
    async (as: boolean) => {
      const workbench = workbenchRef.current;
      if (!workbench || !document_) return;
      const text = workbench.editor.text();
      // The browser host has no save dialog: "Save As" and unsaved imports download a copy.
      if (!hostInfo?.nativeDialogs && (as || !document_.path)) {
        downloadCopy(document_.name, text);
        return;
      }
      try {
        const result = as ? await api.saveTranscriptAs(document_.id, text) : await api.saveTranscript(document_.id, text);
        if (result.ok) {
          workbench.markSaved();
          setDocument({ ...document_, name: result.name, path: result.path });
        } else if (!result.canceled) {
          notify('error', result.message);
        }
      } catch (error) {
        fail(error);
      }
    },
    [document_, downloadCopy, fail, hostInfo, notify],
  );

  const runCommand = useCallback(
    (command: MenuCommand) => {
      const workbench = workbenchRef.current;
      switch (command) {
        case 'open-transcript':
          return void openTranscript();
        case 'open-media':
          return void openMedia();
        case 'open-sample':
          return void openSample();
        case 'save':
          return void save(false);
        case 'save-as':
          return void save(true);
        case 'undo':
          return workbench?.editor.undo();
        case 'redo':
          return workbench?.editor.redo();
        case 'find':
        case 'replace':
          return workbench?.editor.find();
        case 'play-pause':
          return workbench?.togglePlay();
        case 'waveform-zoom-in':
          return workbench?.zoomIn();
        case 'waveform-zoom-out':
          return workbench?.zoomOut();
        case 'waveform-zoom-fit':
          return workbench?.zoomToFit();
      }
    },
    [openMedia, openSample, openTranscript, save],
  );

  // Electron's menu sends commands; the browser host handles the same shortcuts in the page.
  useEffect(() => {
    const unsubscribe = host.onMenuCommand?.(runCommand);
    const unsubscribeRecent = host.onOpenRecent?.((path) => {
      if (confirmDiscard()) api.openRecent(path).then(showSession, fail);
    });
    return () => {
      unsubscribe?.();
      unsubscribeRecent?.();
    };
  }, [confirmDiscard, fail, runCommand, showSession]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (shortcutsOpen) return; // the overlay owns the keyboard
      if (workbenchRef.current?.handleKey(event)) return;
      const mod = event.ctrlKey || event.metaKey;
      if (event.key === ' ' && (mod || (!event.altKey && !event.shiftKey && !usesSpaceKey(event.target)))) {
        event.preventDefault();
        runCommand('play-pause');
        return;
      }
      const zoom: Record<string, MenuCommand> = { '+': 'waveform-zoom-in', '=': 'waveform-zoom-in', '-': 'waveform-zoom-out', '0': 'waveform-zoom-fit' };
      if (!mod && !event.altKey && zoom[event.key] && !acceptsTyping(event.target)) {
        event.preventDefault();
        runCommand(zoom[event.key]!);
        return;
      }
      if (host.onMenuCommand || !mod) return; // Electron's menu owns the accelerators
      const key = event.key.toLowerCase();
      const command: MenuCommand | null =
        key === 'o' ? (event.shiftKey ? 'open-media' : 'open-transcript') : key === 's' ? (event.shiftKey ? 'save-as' : 'save') : null;
      if (command && !(command === 'open-media' && !hostInfo?.nativeDialogs)) {
        event.preventDefault();
        runCommand(command);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [hostInfo, runCommand, shortcutsOpen]);

  useEffect(() => {
    const name = document_?.name ?? media?.name;
    window.document.title = name ? `${dirty ? '• ' : ''}${name} — Cuesmith` : 'Cuesmith';
  }, [dirty, document_, media]);

  const empty = !document_ && !media;
  const canOpenMedia = hostInfo?.nativeDialogs ?? false;

  return (
    <div className="app">
      <header className="toolbar">
        <span className="brand">Cuesmith</span>
        <button type="button" onClick={() => runCommand('open-transcript')}>
          Open transcript…
        </button>
        {canOpenMedia && (
          <button type="button" onClick={() => runCommand('open-media')}>
            Open media…
          </button>
        )}
        <button type="button" onClick={() => runCommand('open-sample')}>
          Open sample
        </button>
        <button type="button" onClick={() => runCommand('save')} disabled={!document_}>
          Save
        </button>
        <span className="document-name" aria-live="polite">
          {document_ ? `${document_.name}${dirty ? ' •' : ''}` : ''}
          {media ? `${document_ ? '  ·  ' : ''}${media.name}` : ''}
        </span>
      </header>

      <Notices notices={notices} onDismiss={(id) => setNotices((list) => list.filter((n) => n.id !== id))} />

      <main className="workspace">
        <section className="editor-pane" aria-label="Transcript" ref={editorRef} hidden={empty} />
        {media?.kind === 'video' && !empty && (
          <>
            <Splitter orientation="vertical" label="Resize the video preview" value={videoWidth} min={200} max={1200} direction={-1} onChange={setVideoWidth} />
            <aside className="video-pane" aria-label="Video preview" style={{ flexBasis: videoWidth }}>
              <video key={media.url} ref={mediaElementRef} src={media.url} preload="auto" />
              <CaptionOverlay text={playingText} format={document_?.format ?? 'srt'} />
            </aside>
          </>
        )}
        {empty && (
          <EmptyState
            canOpenMedia={canOpenMedia}
            onOpenTranscript={() => runCommand('open-transcript')}
            onOpenMedia={() => runCommand('open-media')}
            onOpenSample={() => runCommand('open-sample')}
          />
        )}
      </main>

      {media && <Splitter orientation="horizontal" label="Resize the waveform" value={waveformHeight} min={120} max={600} direction={-1} onChange={setWaveformHeight} />}
      <section className="waveform-pane" aria-label="Waveform" hidden={!media}>
        <div className="transport">
          <button
            type="button"
            className="play"
            onClick={() => runCommand('play-pause')}
            aria-label={playing ? 'Pause' : 'Play'}
            disabled={!media}
          >
            <PlayIcon playing={playing} />
          </button>
          <span className="time" ref={timeRef} aria-label="Playback position">
            0:00.000
          </span>
          {media && (peaksState === 'loading' || peaksState === 'copying') ? (
            <AnalysisStatus api={api} mediaId={media.id} onCancel={() => void api.cancelMediaWork(media.id)} />
          ) : (
            <span className="spacer" />
          )}
          {media && media.tracks.length > 1 && (
            <select
              aria-label="Audio track"
              value={media.track}
              onChange={(event) => void selectTrack(media.id, Number(event.target.value))}
            >
              {media.tracks.map((track) => (
                <option key={track.index} value={track.index}>
                  Track {track.index + 1}: {track.label}
                </option>
              ))}
            </select>
          )}
          <select aria-label="Playback speed" value={playbackRate} onChange={(event) => {
            const rate = Number(event.target.value);
            workbenchRef.current?.setPlaybackRate(rate);
            updatePreferences({ playbackRate: rate });
          }}>
            {PLAYBACK_RATES.map((rate) => (
              <option key={rate} value={rate}>
                {rate}×
              </option>
            ))}
          </select>
          <button
            type="button"
            aria-pressed={preferences.followPlayback}
            title="Scroll the editor to the cue being played"
            onClick={() => updatePreferences({ followPlayback: !preferences.followPlayback })}
          >
            Follow
          </button>
          <span className="zoom" role="group" aria-label="Waveform zoom">
            <button type="button" aria-label="Zoom waveform out" onClick={() => runCommand('waveform-zoom-out')} disabled={peaksState !== 'ready'}>
              −
            </button>
            <button type="button" aria-label="Show whole recording" onClick={() => runCommand('waveform-zoom-fit')} disabled={peaksState !== 'ready'}>
              Fit
            </button>
            <button type="button" aria-label="Zoom waveform in" onClick={() => runCommand('waveform-zoom-in')} disabled={peaksState !== 'ready'}>
              +
            </button>
          </span>
          {media?.kind === 'audio' && <audio key={media.url} ref={mediaElementRef} src={media.url} preload="auto" />}
        </div>
        <div className="waveform" ref={waveformRef} style={{ minHeight: waveformHeight }} />
      </section>

      <footer className="status-bar">
        {document_ ? (
          <>
            <span>
              {getFormat(document_.format).label}
              {document_.importedFrom ? ` (imported from ${getFormat(document_.importedFrom).label})` : ''}
            </span>
            <EncodingMenu
              encoding={document_.encoding}
              bom={document_.bom}
              onReopen={(encoding) => void reopenWithEncoding(encoding)}
            />
            <span>{document_.lineEnding.toUpperCase()}</span>
            <span aria-label="Cue position">
              {cursorCue >= 0 ? `Cue ${cursorCue + 1} of ${cueCount}` : `${cueCount} ${cueCount === 1 ? 'cue' : 'cues'}`}
            </span>
            <span aria-label="Problems" className={problems > 0 ? 'status-warning' : undefined}>
              {problems === 0 ? 'No problems' : `${problems} ${problems === 1 ? 'problem' : 'problems'}`}
            </span>
            <label className="profile">
              <span className="muted">Rules</span>
              <select aria-label="Caption rules" value={preferences.profile} onChange={(event) => updatePreferences({ profile: event.target.value })}>
                {PROFILES.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.label}
                  </option>
                ))}
              </select>
            </label>
            <button type="button" className="link" onClick={() => setShortcutsOpen(true)}>
              Shortcuts (F1)
            </button>
          </>
        ) : (
          <span>No transcript open</span>
        )}
      </footer>
      {shortcutsOpen && (
        <ShortcutsOverlay
          overrides={preferences.keys}
          onChange={(keys) => updatePreferences({ keys })}
          onClose={() => setShortcutsOpen(false)}
        />
      )}
      <input
        ref={fileInputRef}
        type="file"
        accept={TRANSCRIPT_ACCEPT}
        hidden
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (file) void importPicked(file);
        }}
      />
    </div>
  );
}
