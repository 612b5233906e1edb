'use client';

import { useModalDialog } from '@/components/ui/useModalDialog';
import { BUTTON, PRIMARY_BUTTON } from '@/components/playground/buttonStyles';

interface Props {
  open: boolean;
  title: string;
  body: string;
  confirm: string;
  cancel: string;
  onConfirm: () => void;
  onClose: () => void;
}

/** A yes/no question in a native modal dialog: focus trap and Esc for free; "cancel" has focus. */
export default function ConfirmDialog(props: Props) {
  const { open, title, body, confirm, cancel, onConfirm, onClose } = props;
  const dialog = useModalDialog(open);
  return (
    <dialog
      ref={dialog}
      onClose={onClose}
      aria-labelledby="confirm-title"
      aria-describedby="confirm-body"
      className="m-auto w-[min(28rem,calc(100vw-2rem))] rounded-xl border border-slate-200 bg-white p-5 text-slate-800 shadow-xl backdrop:bg-slate-950/40 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100"
      data-testid="confirm-dialog"
    >
      <h2 id="confirm-title" className="text-base font-semibold">
        {title}
      </h2>
      <p id="confirm-body" className="mt-2 text-sm text-slate-600 dark:text-slate-300">
        {body}
      </p>
      <div className="mt-5 flex justify-end gap-2">
        <button type="button" className={BUTTON} onClick={onClose} autoFocus>
          {cancel}
        </button>
        <button
          type="button"
          className={PRIMARY_BUTTON}
          onClick={() => {
            onConfirm();
            onClose();
          }}
          data-testid="confirm"
        >
          {confirm}
        </button>
      </div>
    </dialog>
  );
}
