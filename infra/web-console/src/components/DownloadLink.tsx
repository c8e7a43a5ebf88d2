import { useState } from 'react';
import { ApiError, problemOf } from '../api';
import { ProblemBanner } from './Feedback';

/**
 * A document download (PDF, e-invoice) that says why when the service refuses it (an XRechnung needs the buyer's
 * electronic address, say) instead of saving the problem as a file. The href stays, for copy-link and new tabs.
 */
export function DownloadLink({ href, fileName, children }: { href: string; fileName: string; children: React.ReactNode }) {
  const [error, setError] = useState<unknown>();
  const download = async (event: React.MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault();
    setError(undefined);
    try {
      const response = await fetch(href, { credentials: 'same-origin' });
      if (!response.ok) throw new ApiError(await problemOf(response));
      const url = URL.createObjectURL(await response.blob());
      const link = document.createElement('a');
      link.href = url;
      link.download = fileName;
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (e) {
      setError(e);
    }
  };
  return (
    <>
      <a href={href} onClick={download}>{children}</a>
      {error !== undefined && <ProblemBanner error={error} />}
    </>
  );
}
