import { useCallback } from 'react';

interface SplitterProps {
  /** 'vertical' separates left and right panes; 'horizontal' top and bottom. */
  orientation: 'vertical' | 'horizontal';
  label: string;
  /** Current size (px) of the pane the splitter resizes. */
  value: number;
  min: number;
  max: number;
  /** +1 when dragging right/down grows the pane, −1 when it shrinks it. */
  direction: 1 | -1;
  onChange(size: number): void;
}

/** A draggable, keyboard-operable separator between two panes (ARIA window splitter). */
export function Splitter({ orientation, label, value, min, max, direction, onChange }: SplitterProps) {
  const clamp = useCallback((size: number) => Math.max(min, Math.min(max, Math.round(size))), [min, max]);
  const onPointerDown = (event: React.PointerEvent<HTMLDivElement>) => {
    event.preventDefault();
    const start = orientation === 'vertical' ? event.clientX : event.clientY;
    const startValue = value;
    const target = event.currentTarget;
    target.setPointerCapture(event.pointerId);
    const move = (e: PointerEvent) => onChange(clamp(startValue + direction * ((orientation === 'vertical' ? e.clientX : e.clientY) - start)));
    const up = () => {
      target.removeEventListener('pointermove', move);
      target.removeEventListener('pointerup', up);
    };
    target.addEventListener('pointermove', move);
    target.addEventListener('pointerup', up);
  };
  const onKeyDown = (event: React.KeyboardEvent<HTMLDivElement>) => {
    const step = event.shiftKey ? 50 : 10;
    const grow: Record<string, number> = orientation === 'vertical' ? { ArrowRight: direction, ArrowLeft: -direction } : { ArrowDown: direction, ArrowUp: -direction };
    const sign = grow[event.key];
    if (sign) {
      event.preventDefault();
      onChange(clamp(value + sign * step));
    }
  };
  return (
    <div
      className={`splitter ${orientation}`}
      role="separator"
      aria-label={label}
      aria-orientation={orientation}
      aria-valuenow={value}
      aria-valuemin={min}
      aria-valuemax={max}
      tabIndex={0}
      onPointerDown={onPointerDown}
      onKeyDown={onKeyDown}
    />
  );
}
