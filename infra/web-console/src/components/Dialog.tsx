import { useEffect, useId, useRef } from 'react';

/**
 * A modal dialog (the browser's own): it takes focus, keeps Tab inside, closes on Escape, and gives focus back to the
 * button that opened it.
 */
export function Dialog({ title, children, onCancel, cancel = 'Cancel' }: { title: string; children: React.ReactNode; onCancel: () => void; cancel?: string | null }) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (ref.current && !ref.current.open) ref.current.showModal();
    return () => opener?.focus();
  }, []);
  return (
    <dialog ref={ref} className="dialog" aria-labelledby={titleId} onCancel={(e) => { e.preventDefault(); onCancel(); }}>
      <h2 id={titleId}>{title}</h2>
      {children}
      {cancel && <button className="link" onClick={onCancel}>{cancel}</button>}
    </dialog>
  );
}
