'use client';

import { useEffect, useRef } from 'react';

/**
 * A native `<dialog>` shown modally while `open` (focus trap, Esc and the backdrop come with
 * it). Put the returned ref on the dialog and handle its `onClose`.
 */
export function useModalDialog(open: boolean) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const el = dialog.current;
    if (!el) return;
    if (open && !el.open) el.showModal();
    if (!open && el.open) el.close();
  }, [open]);
  return dialog;
}
