'use client';

import { useRef, useState } from 'react';
import { DOMEIN_LABEL } from '@/lib/cbs/layout';
import { type Preflight, preflightText, preflightXlsx } from '@/lib/cbs/preflight';

type Receipt = {
  id: string;
  receivedAt: string;
  sizeBytes: number;
  sha256: string;
  kind: 'TEST' | 'PRODUCTIE';
  domein: 'JEUGD' | 'WMO';
  fileName: string;
  duplicate: boolean;
};

const nf = new Intl.NumberFormat('nl-NL');

async function check(file: File): Promise<Preflight> {
  const head = new Uint8Array(await file.slice(0, 4).arrayBuffer());
  if (head[0] === 0x50 && head[1] === 0x4b) return preflightXlsx(new Uint8Array(await file.arrayBuffer()));
  const sample = new Uint8Array(await file.slice(0, 256 * 1024).arrayBuffer());
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(sample);
  } catch {
    text = new TextDecoder('windows-1252').decode(sample);
  }
  return preflightText(text);
}

/**
 * Choose or drop a file, check it in the browser, send it with a progress bar, show the receipt.
 * `productionDomains`: the domains the current agreement covers (production only there).
 */
export function UploadForm({
  productionDomains,
  maxMb,
}: {
  productionDomains: readonly ('JEUGD' | 'WMO')[];
  maxMb: number;
}) {
  const [file, setFile] = useState<File | null>(null);
  const [kind, setKind] = useState<'test' | 'productie'>('test');
  const [domein, setDomein] = useState<'JEUGD' | 'WMO'>(productionDomains[0] ?? 'JEUGD');
  const productionAllowed = productionDomains.includes(domein);
  const [preflight, setPreflight] = useState<Preflight | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [receipt, setReceipt] = useState<Receipt | null>(null);
  const [dragging, setDragging] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  async function choose(f: File | undefined) {
    setReceipt(null);
    setError(null);
    setPreflight(null);
    setFile(f ?? null);
    if (!f) return;
    if (f.size > maxMb * 1024 * 1024) return setError(`Het bestand is groter dan ${maxMb} MB.`);
    setPreflight(await check(f));
  }

  const blocked =
    !file ||
    !preflight ||
    preflight.bsnLines.length > 0 ||
    !!preflight.problem ||
    (kind === 'productie' && !productionAllowed);

  function send(e: React.FormEvent) {
    e.preventDefault();
    if (blocked || !file) return;
    setError(null);
    setProgress(0);
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/uploads');
    xhr.setRequestHeader('x-soort', kind);
    xhr.setRequestHeader('x-domein', domein.toLowerCase());
    xhr.setRequestHeader('x-bestandsnaam', encodeURIComponent(file.name));
    xhr.setRequestHeader('content-type', 'application/octet-stream');
    xhr.upload.onprogress = (ev) => ev.lengthComputable && setProgress(Math.round((ev.loaded / ev.total) * 100));
    xhr.onload = () => {
      setProgress(null);
      const body = (() => {
        try {
          return JSON.parse(xhr.responseText);
        } catch {
          return {};
        }
      })();
      if (xhr.status === 200 || xhr.status === 201) setReceipt(body as Receipt);
      else setError(body.fout ?? 'Het aanleveren is niet gelukt. Probeer het opnieuw.');
    };
    xhr.onerror = () => {
      setProgress(null);
      setError('De verbinding is verbroken tijdens het versturen. Probeer het opnieuw.');
    };
    xhr.send(file);
  }

  return (
    <form className="formulier" onSubmit={send} style={{ maxWidth: '40rem' }}>
      <fieldset className="keuze">
        <legend>Domein</legend>
        {(['JEUGD', 'WMO'] as const).map((d) => (
          <label key={d}>
            <input
              type="radio"
              name="domein"
              value={d}
              checked={domein === d}
              onChange={() => {
                setDomein(d);
                if (!productionDomains.includes(d)) setKind('test');
              }}
            />{' '}
            {d === 'JEUGD' ? 'Jeugd (Jeugdwet)' : 'Wmo (maatschappelijke ondersteuning)'}
          </label>
        ))}
      </fieldset>
      <fieldset className="keuze">
        <legend>Soort bestand</legend>
        <label>
          <input type="radio" name="soort" value="test" checked={kind === 'test'} onChange={() => setKind('test')} />{' '}
          Testbestand (alleen controle; komt niet in de cijfers)
        </label>
        <label>
          <input
            type="radio"
            name="soort"
            value="productie"
            checked={kind === 'productie'}
            onChange={() => setKind('productie')}
            disabled={!productionAllowed}
          />{' '}
          Productiebestand
          {!productionAllowed &&
            (productionDomains.length === 0
              ? ' (pas mogelijk met een ondertekende verwerkersovereenkomst)'
              : ` (uw verwerkersovereenkomst dekt geen ${DOMEIN_LABEL[domein]})`)}
        </label>
      </fieldset>
      {/* biome-ignore lint/a11y/noStaticElementInteractions: dropping is an extra; the file input inside is the accessible control */}
      <div
        className={`dropzone${dragging ? ' dropzone-actief' : ''}`}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(e) => {
          e.preventDefault();
          setDragging(false);
          void choose(e.dataTransfer.files[0]);
        }}
      >
        <label htmlFor="bestand">Sleep uw bestand hierheen, of kies een bestand</label>
        <input
          id="bestand"
          ref={input}
          type="file"
          accept=".csv,.txt,.asc,.dat,.xlsx"
          onChange={(e) => void choose(e.target.files?.[0])}
        />
        <p className="hint">CSV (; of ,), vaste breedte (ASCII) of Excel (.xlsx); hoogstens {maxMb} MB.</p>
      </div>
      {preflight && file && (
        <div
          className={`melding${preflight.bsnLines.length || preflight.problem ? ' melding-fout' : ''}`}
          role="status"
          data-testid="controle"
        >
          <strong>{file.name}</strong> ({nf.format(file.size)} bytes): herkend als {preflight.format};{' '}
          {nf.format(preflight.rowsChecked)} regels gecontroleerd.
          {preflight.bsnLines.length > 0 && (
            <>
              {' '}
              <br />
              Op regel {preflight.bsnLines.slice(0, 5).join(', ')}
              {preflight.bsnLines.length > 5 ? ' en verder' : ''} staat in de kolom cliëntnummer een BSN (11-proef). Een
              BSN mag het portaal nooit bereiken: vervang het door uw pseudoniem. Het bestand is niet verstuurd.
            </>
          )}
          {preflight.problem && (
            <>
              {' '}
              <br />
              {preflight.problem}
            </>
          )}
        </div>
      )}
      {error && (
        <p className="melding melding-fout" role="alert">
          {error}
        </p>
      )}
      {progress !== null && (
        <p>
          <label htmlFor="voortgang">Versturen: {progress}%</label>
          <progress id="voortgang" max={100} value={progress} style={{ width: '100%' }} />
        </p>
      )}
      <button className="knop" type="submit" disabled={blocked || progress !== null}>
        Versturen
      </button>
      {receipt && (
        <div className="melding melding-ok" role="status" data-testid="ontvangstbewijs">
          <strong>{receipt.duplicate ? 'Dit bestand was al ontvangen.' : 'Ontvangen.'}</strong> Ontvangstbewijs:
          <dl className="bewijs">
            <dt>Nummer</dt>
            <dd>{receipt.id}</dd>
            <dt>Domein</dt>
            <dd>{DOMEIN_LABEL[receipt.domein]}</dd>
            <dt>Tijd</dt>
            <dd>{new Date(receipt.receivedAt).toLocaleString('nl-NL', { timeZone: 'Europe/Amsterdam' })}</dd>
            <dt>Grootte</dt>
            <dd>{nf.format(receipt.sizeBytes)} bytes</dd>
            <dt>SHA-256</dt>
            <dd>
              <code className="sleutel">{receipt.sha256}</code>
            </dd>
          </dl>
          <a href={`/aanbieder/uploads/${receipt.id}`}>Bekijk de status en het verslag</a>
        </div>
      )}
    </form>
  );
}
