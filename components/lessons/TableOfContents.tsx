'use client';

import { useEffect, useState } from 'react';
import type { Heading } from '@/server/content/headings';

/** The lesson's sections; the one being read is marked as it scrolls past. */
export default function TableOfContents({ headings }: { headings: Heading[] }) {
  const [active, setActive] = useState<string>();
  useEffect(() => {
    const elements = headings.map((h) => document.getElementById(h.id)).filter((e) => e !== null);
    const observer = new IntersectionObserver(
      (entries) => {
        const visible = entries.filter((e) => e.isIntersecting);
        if (visible[0]) setActive(visible[0].target.id);
      },
      { rootMargin: '-64px 0px -70% 0px' },
    );
    elements.forEach((e) => observer.observe(e));
    return () => observer.disconnect();
  }, [headings]);

  return (
    <ul className="space-y-1 text-sm" data-testid="toc">
      {headings.map((h) => (
        <li key={h.id} className={h.depth === 3 ? 'pl-3' : ''}>
          <a
            href={`#${h.id}`}
            aria-current={h.id === active ? 'location' : undefined}
            className="block border-l-2 border-transparent pl-2 text-slate-600 hover:text-brand-600 aria-[current]:border-brand-600 aria-[current]:font-medium aria-[current]:text-brand-700 dark:text-slate-400 dark:aria-[current]:text-brand-100"
          >
            {h.text}
          </a>
        </li>
      ))}
    </ul>
  );
}
