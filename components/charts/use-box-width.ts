'use client';

import { useEffect, useRef, useState } from 'react';

/** A chart box narrower than this is drawn for a phone: shorter labels, taller rows, a lower chart. */
export const isNarrow = (width: number) => width < 600;

/**
 * The width of an element's box, measured in the browser and kept up to date: a chart drawn at this
 * width is as wide as its place on the page (no sideways scrolling on a phone). 0 until measured.
 */
export function useBoxWidth<T extends HTMLElement>() {
  const box = useRef<T>(null);
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const observer = new ResizeObserver(([entry]) => setWidth(Math.floor(entry.contentRect.width)));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return { box, width };
}
