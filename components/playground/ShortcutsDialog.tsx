'use client';

import { useModalDialog } from '@/components/ui/useModalDialog';
import { useTranslations } from 'next-intl';

type ShortcutKey =
  | 'run'
  | 'stop'
  | 'suggest'
  | 'hover'
  | 'palette'
  | 'tabTrap'
  | 'tabs'
  | 'renameTab'
  | 'deleteTab'
  | 'help';

/** Keys on a PC, and on a Mac where they differ (Monaco's own bindings included). */
const SHORTCUTS: { pc: string[]; mac?: string[]; what: ShortcutKey }[] = [
  { pc: ['Ctrl', 'Enter'], mac: ['⌘', 'Enter'], what: 'run' },
  { pc: ['Ctrl', 'Shift', 'Enter'], mac: ['⌘', '⇧', 'Enter'], what: 'stop' },
  { pc: ['Ctrl', 'Space'], mac: ['⌃', 'Space'], what: 'suggest' },
  { pc: ['Ctrl', 'K', 'Ctrl', 'I'], mac: ['⌘', 'K', '⌘', 'I'], what: 'hover' },
  { pc: ['F1'], what: 'palette' },
  { pc: ['Ctrl', 'M'], mac: ['⌃', '⇧', 'M'], what: 'tabTrap' },
  { pc: ['←', '→'], what: 'tabs' },
  { pc: ['F2'], what: 'renameTab' },
  { pc: ['Delete'], mac: ['fn', 'Delete'], what: 'deleteTab' },
  { pc: ['?'], what: 'help' },
];

/** The shortcut list, in a native modal dialog (focus trap and Esc for free). */
export default function ShortcutsDialog({
  open,
  mac,
  onClose,
}: {
  open: boolean;
  mac: boolean;
  onClose: () => void;
}) {
  const t = useTranslations('playground.shortcuts');
  const dialog = useModalDialog(open);

  return (
    <dialog
      ref={dialog}
      onClose={onClose}
      aria-labelledby="shortcuts-title"
      className="m-auto w-[min(34rem,92vw)] rounded-xl border border-slate-200 bg-white p-0 text-slate-800 shadow-2xl backdrop:bg-slate-950/50 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100"
    >
      <div className="flex items-center border-b border-slate-200 px-5 py-3 dark:border-slate-800">
        <h2 id="shortcuts-title" className="font-semibold">
          {t('title')}
        </h2>
        <button
          type="button"
          onClick={onClose}
          className="ml-auto rounded px-2 py-1 text-sm hover:bg-slate-100 dark:hover:bg-slate-800"
        >
          {t('close')}
        </button>
      </div>
      <dl className="grid grid-cols-[auto_1fr] gap-x-6 gap-y-2 px-5 py-4 text-sm">
        {SHORTCUTS.map(({ pc, mac: onMac, what }) => (
          <div key={what} className="contents">
            <dt className="flex flex-wrap items-start gap-1 whitespace-nowrap">
              {((mac && onMac) || pc).map((k, i) => (
                <kbd
                  key={i}
                  className="rounded border border-slate-300 bg-slate-50 px-1.5 py-0.5 font-mono text-xs dark:border-slate-600 dark:bg-slate-800"
                >
                  {k}
                </kbd>
              ))}
            </dt>
            <dd className="text-slate-600 dark:text-slate-300">{t(what)}</dd>
          </div>
        ))}
      </dl>
    </dialog>
  );
}
