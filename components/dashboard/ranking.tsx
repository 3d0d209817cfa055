import { RankingChart, rankingRowText } from '@/components/charts/ranking-chart';
import { formatMonth } from '@/lib/filters/months';
import { formatPct } from '@/lib/indicators/format-figure';
import { GROUP_NOUNS, type OrganisationGroupBy } from '@/lib/indicators/group-nouns';
import { TABLE_ROWS } from '@/lib/indicators/indicator-table';
import type { Ranking as RankingData } from '@/lib/services/indicators/get-ranking';

/**
 * The answer first: the ranked chart, a caption that says how to read it, and the same ranking as a
 * list for screen readers (the chart itself is hidden from them).
 */
export function Ranking({ ranking, of }: { ranking: RankingData; of: OrganisationGroupBy }) {
  const { average, headline, rows, period } = ranking;
  const plural = GROUP_NOUNS[of].many;
  return (
    <figure className="antwoord" aria-labelledby="rangschikking-kop">
      <figcaption id="rangschikking-kop">
        <strong>
          {headline[0].toUpperCase() + headline.slice(1)} per {of}, van hoog naar laag
        </strong>
        {rows.length < ranking.of && `, de ${rows.length} ${plural} met de meeste cliënten (van de ${ranking.of})`}{' '}
        (einddatum {formatMonth(period.van)} t/m {formatMonth(period.tm)}). Donker: deze periode; licht: een jaar
        eerder; streep:{' '}
        {average === null ? 'geen gemiddelde (te weinig cliënten)' : `het geheel, ${formatPct(average)}`}. De tabel
        hieronder geeft alle cijfers
        {rows.length < ranking.of &&
          (ranking.of > TABLE_ROWS
            ? `, met een link naar alle ${ranking.of} ${plural}`
            : ` van alle ${ranking.of} ${plural}`)}
        .
      </figcaption>
      <RankingChart rows={rows} average={average} headline={headline} />
      <ol className="sr-only">
        {rows.map((r) => (
          <li key={r.key}>{rankingRowText(r)}</li>
        ))}
      </ol>
    </figure>
  );
}
