'use client';

import { useRef, useState } from 'react';
import { useTranslations } from 'next-intl';
import { encodeShareHash } from './shareLink';
import type { Workspace } from './workspace';

/** Links longer than this get a warning: some chat apps and mail clients cut them. */
const LONG_LINK = 8_000;

/** Puts the workspace in the URL hash, copies the link, and shows it in case copying is not allowed. */
export default function ShareButton({
  workspace,
  className,
}: {
  workspace: Workspace;
  className: string;
}) {
  const t = useTranslations('playground');
  const [link, setLink] = useState<{ url: string; copied: boolean } | null>(null);
  const details = useRef<HTMLDetailsElement>(null);

  async function share() {
    const hash = encodeShareHash(workspace);
    history.replaceState(history.state, '', hash);
    const url = location.href;
    let copied = false;
    try {
      await navigator.clipboard.writeText(url);
      copied = true;
    } catch {
      // Not a secure context or no permission: the field below lets the learner copy it.
    }
    setLink({ url, copied });
  }

  return (
    <details
      ref={details}
      className="relative"
      onToggle={(e) => (e.currentTarget.open ? void share() : setLink(null))}
    >
      <summary className={`${className} list-none`} data-testid="share-button">
        {t('toolbar.share')}
      </summary>
      <div
        role="dialog"
        aria-label={t('share.title')}
        className="absolute right-0 z-40 mt-2 w-[min(28rem,90vw)] rounded-lg border border-slate-200 bg-white p-3 text-sm shadow-lg dark:border-slate-700 dark:bg-slate-900"
      >
        {link && (
          <>
            <p role="status">{link.copied ? t('share.copied') : t('share.copyManually')}</p>
            <input
              readOnly
              value={link.url}
              onFocus={(e) => e.target.select()}
              aria-label={t('share.title')}
              className="mt-2 w-full rounded border border-slate-300 bg-slate-50 px-2 py-1 font-mono text-xs dark:border-slate-700 dark:bg-slate-950"
              data-testid="share-url"
            />
            {link.url.length > LONG_LINK && (
              <p className="mt-2 text-xs text-amber-700 dark:text-amber-300">
                {t('share.tooLong', { chars: link.url.length })}
              </p>
            )}
          </>
        )}
      </div>
    </details>
  );
}
