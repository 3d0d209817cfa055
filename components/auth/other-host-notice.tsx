'use client';

import { useEffect, useState } from 'react';

/**
 * The portal opened under another name than its own address (APP_URL), e.g. 127.0.0.1 for
 * localhost: the browser sends that other origin, so every sign-in is refused as cross-site. Says so
 * and links to the portal's own address.
 */
export function OtherHostNotice({ appOrigin }: { appOrigin: string }) {
  const [here, setHere] = useState<string | null>(null);
  useEffect(() => setHere(window.location.origin), []);
  if (!here || here === appOrigin) return null;
  return (
    <p className="melding melding-fout" role="alert" data-testid="ander-adres">
      U opende het portaal op {here}, maar het portaal staat op {appOrigin}. Inloggen kan alleen daar:{' '}
      <a href={`${appOrigin}/inloggen`}>ga naar {appOrigin}/inloggen</a>.
    </p>
  );
}
