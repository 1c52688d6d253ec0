import { useEffect, useRef } from 'react';

/**
 * Focus for a question that replaces the control that asked it (a confirmation with its own
 * buttons): when it closes unanswered, focus goes back to `target` (the asking button), as in
 * `ActionForm`; removed with its buttons, the question would otherwise leave focus on <body>.
 * `closing(back)` is called as the question closes: `back` false when it was answered, and
 * the line saying what was done takes focus instead.
 */
export function useReturnFocus<T extends HTMLElement>(open: boolean) {
  const target = useRef<T | null>(null);
  const back = useRef(false);
  useEffect(() => {
    if (!open && back.current) {
      back.current = false;
      target.current?.focus();
    }
  }, [open]);
  return {
    target,
    closing: (toTarget: boolean) => {
      back.current = toTarget;
    },
  };
}
