// Zoom and pan of the map in screen pixels: buttons, mouse wheel, drag, pinch
// and keyboard. The view is { k, tx, ty }: a point at base-fit pixel b is drawn
// at b * k + t.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { KeyboardEvent as ReactKeyboardEvent, MouseEvent as ReactMouseEvent, PointerEvent as ReactPointerEvent, RefObject } from 'react';

export interface View { k: number; tx: number; ty: number }
export const MIN_K = 1;
export const MAX_K = 48;
const IDENTITY: View = { k: 1, tx: 0, ty: 0 };
const PAN_STEP = 60;
const DRAG_THRESHOLD = 4;

/** Keeps at least half of the viewport over the map, whatever the zoom. */
function clampView(view: View, width: number, height: number): View {
  const k = Math.min(MAX_K, Math.max(MIN_K, view.k));
  const clampAxis = (t: number, size: number) => Math.min(size / 2, Math.max(size / 2 - size * k, t));
  return { k, tx: clampAxis(view.tx, width), ty: clampAxis(view.ty, height) };
}

function zoomAround(view: View, factor: number, cx: number, cy: number, width: number, height: number): View {
  const k = Math.min(MAX_K, Math.max(MIN_K, view.k * factor));
  const ratio = k / view.k;
  return clampView({ k, tx: cx - (cx - view.tx) * ratio, ty: cy - (cy - view.ty) * ratio }, width, height);
}

export function useMapView(svgRef: RefObject<SVGSVGElement | null>, width: number, height: number) {
  const [view, setView] = useState<View>(IDENTITY);
  const size = useRef({ width, height });
  size.current = { width, height };

  const zoomBy = useCallback((factor: number, cx?: number, cy?: number) => {
    const { width: w, height: h } = size.current;
    setView((v) => zoomAround(v, factor, cx ?? w / 2, cy ?? h / 2, w, h));
  }, []);
  const panBy = useCallback((dx: number, dy: number) => {
    const { width: w, height: h } = size.current;
    setView((v) => clampView({ k: v.k, tx: v.tx + dx, ty: v.ty + dy }, w, h));
  }, []);
  const reset = useCallback(() => setView(IDENTITY), []);
  /** Zooms to k with base-fit point (bx, by) in the middle of the viewport. */
  const centreOn = useCallback((bx: number, by: number, k: number) => {
    const { width: w, height: h } = size.current;
    const kk = Math.min(MAX_K, Math.max(MIN_K, k));
    setView(clampView({ k: kk, tx: w / 2 - bx * kk, ty: h / 2 - by * kk }, w, h));
  }, []);

  // The wheel listener must be non-passive to keep the page from scrolling.
  useEffect(() => {
    const svg = svgRef.current;
    if (!svg) return;
    const onWheel = (event: WheelEvent) => {
      event.preventDefault();
      const rect = svg.getBoundingClientRect();
      const delta = event.deltaMode === 1 ? event.deltaY * 16 : event.deltaY;
      zoomBy(Math.exp(-delta * 0.002), event.clientX - rect.left, event.clientY - rect.top);
    };
    svg.addEventListener('wheel', onWheel, { passive: false });
    return () => svg.removeEventListener('wheel', onWheel);
  }, [svgRef, zoomBy]);

  // Drag to pan, two fingers to pinch. A drag swallows the click that ends it.
  const pointers = useRef(new Map<number, { x: number; y: number }>());
  const gesture = useRef({ startX: 0, startY: 0, moved: false, pinchDistance: 0 });
  const suppressClick = useRef(false);

  const local = (event: ReactPointerEvent) => {
    const rect = svgRef.current!.getBoundingClientRect();
    return { x: event.clientX - rect.left, y: event.clientY - rect.top };
  };

  const onPointerDown = (event: ReactPointerEvent<SVGSVGElement>) => {
    if (event.pointerType === 'mouse' && event.button !== 0) return;
    const p = local(event);
    pointers.current.set(event.pointerId, p);
    if (pointers.current.size === 1) {
      gesture.current = { startX: p.x, startY: p.y, moved: false, pinchDistance: 0 };
    } else if (pointers.current.size === 2) {
      const [a, b] = [...pointers.current.values()];
      gesture.current.pinchDistance = Math.hypot(a.x - b.x, a.y - b.y);
      gesture.current.moved = true;
    }
  };

  const onPointerMove = (event: ReactPointerEvent<SVGSVGElement>) => {
    const previous = pointers.current.get(event.pointerId);
    if (!previous) return;
    const p = local(event);
    pointers.current.set(event.pointerId, p);
    if (pointers.current.size >= 2) {
      const [a, b] = [...pointers.current.values()];
      const distance = Math.hypot(a.x - b.x, a.y - b.y);
      if (gesture.current.pinchDistance > 0) {
        zoomBy(distance / gesture.current.pinchDistance, (a.x + b.x) / 2, (a.y + b.y) / 2);
      }
      gesture.current.pinchDistance = distance;
      return;
    }
    const g = gesture.current;
    if (!g.moved && Math.hypot(p.x - g.startX, p.y - g.startY) < DRAG_THRESHOLD) return;
    if (!g.moved) {
      g.moved = true;
      svgRef.current?.setPointerCapture(event.pointerId);
    }
    panBy(p.x - previous.x, p.y - previous.y);
  };

  const onPointerUp = (event: ReactPointerEvent<SVGSVGElement>) => {
    if (!pointers.current.delete(event.pointerId)) return;
    if (gesture.current.moved) suppressClick.current = true;
    if (pointers.current.size === 0) {
      // Reset after this event's click (if any) has been dispatched.
      setTimeout(() => { suppressClick.current = false; }, 0);
    }
  };

  const onClickCapture = (event: ReactMouseEvent) => {
    if (suppressClick.current) {
      event.preventDefault();
      event.stopPropagation();
      suppressClick.current = false;
    }
  };

  const onKeyDown = (event: ReactKeyboardEvent) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const actions: Record<string, () => void> = {
      '+': () => zoomBy(1.5),
      '=': () => zoomBy(1.5),
      '-': () => zoomBy(1 / 1.5),
      _: () => zoomBy(1 / 1.5),
      '0': reset,
      ArrowLeft: () => panBy(PAN_STEP, 0),
      ArrowRight: () => panBy(-PAN_STEP, 0),
      ArrowUp: () => panBy(0, PAN_STEP),
      ArrowDown: () => panBy(0, -PAN_STEP),
    };
    const action = actions[event.key];
    if (action) {
      event.preventDefault();
      action();
    }
  };

  // Keep the view valid when the map is resized (a phone turned sideways).
  useEffect(() => {
    setView((v) => clampView(v, width, height));
  }, [width, height]);

  return {
    view,
    zoomBy,
    reset,
    centreOn,
    handlers: {
      onPointerDown,
      onPointerMove,
      onPointerUp,
      onPointerCancel: onPointerUp,
      onClickCapture,
      onKeyDown,
    },
  };
}
