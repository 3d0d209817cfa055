'use client';

import { useEffect, useRef, useState } from 'react';

/**
 * A table's box that scrolls sideways when the table is wider than the page. While it does, it can
 * be focused and scrolled with the keyboard (WCAG 2.1.1; axe scrollable-region-focusable), and is
 * named as such; a table that fits adds no tab stop.
 */
export function TableScroll({ children }: { children: React.ReactNode }) {
  const box = useRef<HTMLDivElement>(null);
  const [scrolls, setScrolls] = useState(false);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const check = () => setScrolls(el.scrollWidth > el.clientWidth + 1);
    check();
    const observer = new ResizeObserver(check);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  const focusable = scrolls
    ? ({ tabIndex: 0, role: 'group', 'aria-label': 'Tabel, zijwaarts te scrollen' } as const)
    : {};
  return (
    <div ref={box} className="tabel-scroll" {...focusable}>
      {children}
    </div>
  );
}
