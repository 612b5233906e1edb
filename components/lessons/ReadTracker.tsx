'use client';

import { useEffect } from 'react';
import { markLessonRead } from './readProgress';

/** Marks the lesson read once the learner reaches its end (the sentinel scrolls into view). */
export default function ReadTracker({ slug }: { slug: string }) {
  useEffect(() => {
    const sentinel = document.getElementById('lesson-end');
    if (!sentinel) return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) {
        markLessonRead(slug);
        observer.disconnect();
      }
    });
    observer.observe(sentinel);
    return () => observer.disconnect();
  }, [slug]);
  return <div id="lesson-end" aria-hidden="true" />;
}
