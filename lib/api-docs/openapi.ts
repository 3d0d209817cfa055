import { FIELD_KEYS } from '@/lib/cbs/layout';
import { FILTER_KEYS, FILTERS } from '@/lib/filters/registry';
import { GROUP_BY } from '@/lib/indicators/group-by';
import { INDICATORS } from '@/lib/indicators/registry';

// The public API described once (OpenAPI 3.1), from the registries the routes themselves use: the
// JSON at /api/v1/openapi.json and the page /api-documentatie, with a curl example per endpoint,
// both come from here.

export type Endpoint = {
  method: 'get' | 'post';
  path: string;
  summary: string;
  who: string;
  curl: (base: string) => string;
};

export const ENDPOINTS: Endpoint[] = [
  {
    method: 'get',
    path: '/api/v1/indicatoren/{indicator}',
    summary: 'De afgeschermde cijfers van één indicator, met dezelfde filters en indeling als het dashboard.',
    who: 'gemeenten en regio’s (token uit het eigen menu API-tokens)',
    curl: (base) =>
      `curl -H "Authorization: Bearer $GP_TOKEN" "${base}/api/v1/indicatoren/uitval?eind_van=2025-01&eind_tm=2025-12&groep=aanbieder"`,
  },
  {
    method: 'post',
    path: '/api/v1/aanleveringen',
    summary:
      'Een bestand aanleveren (CSV, vaste breedte of Excel, zoals in de browser). Antwoord 202 met het ontvangstbewijs; hetzelfde bestand nog eens: 200 met het eerdere ontvangstbewijs.',
    who: 'aanbieders (token uit het eigen menu API-tokens)',
    curl: (base) =>
      `curl -X POST -H "Authorization: Bearer $GP_TOKEN" --data-binary @trajecten.csv "${base}/api/v1/aanleveringen?soort=test&bestandsnaam=trajecten.csv"`,
  },
  {
    method: 'get',
    path: '/api/v1/aanleveringen/{nummer}',
    summary:
      'Status en verslag per regel van een eigen aanlevering (nummer = id uit het ontvangstbewijs); met Accept: text/csv het verslag als CSV.',
    who: 'aanbieders',
    curl: (base) =>
      `curl -H "Authorization: Bearer $GP_TOKEN" -H "Accept: text/csv" "${base}/api/v1/aanleveringen/$NUMMER"`,
  },
];

const bearer = [{ token: [] }];
const error = { $ref: '#/components/responses/Fout' };

export function openApiDocument(base: string) {
  const op = (path: string, method: string) => ENDPOINTS.find((e) => e.path === path && e.method === method)!;
  return {
    openapi: '3.1.0',
    info: {
      title: 'Gemeenteportaal API',
      version: '1',
      description:
        'Indicatoren voor gemeenten en regio’s (afgeschermd en verstoord, zoals op het dashboard) en aanleveren voor aanbieders. Elke aanroep staat in het auditlog.',
    },
    servers: [{ url: base }],
    components: {
      securitySchemes: { token: { type: 'http', scheme: 'bearer', description: 'gp_… (43 tekens na gp_)' } },
      responses: {
        Fout: {
          description: 'Fout, met een Nederlandse melding',
          content: {
            'application/json': {
              schema: {
                type: 'object',
                properties: { fout: { type: 'string' }, code: { type: 'string' } },
                required: ['fout', 'code'],
              },
            },
          },
        },
      },
      schemas: {
        Ontvangstbewijs: {
          type: 'object',
          properties: {
            id: { type: 'string', format: 'uuid', description: 'het nummer van de aanlevering' },
            receivedAt: { type: 'string', format: 'date-time' },
            sizeBytes: { type: 'integer' },
            sha256: { type: 'string' },
            kind: { enum: ['TEST', 'PRODUCTIE'] },
            domein: { enum: ['JEUGD', 'WMO'] },
            fileName: { type: 'string' },
            duplicate: { type: 'boolean' },
          },
        },
        Aanlevering: {
          type: 'object',
          properties: {
            id: { type: 'string', format: 'uuid' },
            status: { enum: ['ONTVANGEN', 'IN_VERWERKING', 'VERWERKT', 'VERWERKT_MET_FOUTEN', 'AFGEWEZEN'] },
            statusLabel: { type: 'string' },
            rowCount: { type: ['integer', 'null'] },
            acceptedCount: { type: ['integer', 'null'] },
            rejectedCount: { type: ['integer', 'null'] },
            writtenCount: {
              type: ['integer', 'null'],
              description:
                'Productiebestand: de goedgekeurde records die nieuw of gewijzigd waren (de andere waren al zo bekend en bleven staan).',
            },
            fileError: { type: ['string', 'null'] },
            errors: {
              type: 'array',
              items: {
                type: 'object',
                properties: {
                  line: { type: 'integer' },
                  field: { enum: FIELD_KEYS },
                  value: { type: 'string' },
                  code: { type: 'string' },
                  message: { type: 'string' },
                },
              },
            },
          },
        },
      },
    },
    paths: {
      '/api/v1/indicatoren/{indicator}': {
        get: {
          summary: op('/api/v1/indicatoren/{indicator}', 'get').summary,
          security: bearer,
          parameters: [
            { name: 'indicator', in: 'path', required: true, schema: { enum: INDICATORS.map((i) => i.key) } },
            { name: 'groep', in: 'query', schema: { enum: Object.keys(GROUP_BY) } },
            { name: 'domein', in: 'query', schema: { enum: ['JEUGD', 'WMO'] } },
            ...FILTER_KEYS.map((key) => ({
              name: key,
              in: 'query',
              description: FILTERS[key].label,
              schema:
                FILTERS[key].kind === 'maand'
                  ? { type: 'string', pattern: '^\\d{4}-\\d{2}$' }
                  : { type: 'array', items: { type: 'string' } },
              ...(FILTERS[key].kind === 'maand' ? {} : { style: 'form', explode: true }),
            })),
          ],
          responses: {
            200: {
              description: 'De tabel van de indicator (zie README, API voor BI-pakketten)',
              headers: {
                'X-Overzichten-Gebruikt': {
                  description: 'Verschillende overzichten die uw organisatie deze kalendermaand heeft opgevraagd',
                  schema: { type: 'integer' },
                },
                'X-Overzichten-Budget': {
                  description: 'Verschillende overzichten per kalendermaand; hetzelfde overzicht opnieuw telt niet',
                  schema: { type: 'integer' },
                },
              },
            },
            400: error,
            401: error,
            404: error,
            429: error,
          },
        },
      },
      '/api/v1/aanleveringen': {
        post: {
          summary: op('/api/v1/aanleveringen', 'post').summary,
          security: bearer,
          parameters: [
            { name: 'soort', in: 'query', required: true, schema: { enum: ['test', 'productie'] } },
            {
              name: 'domein',
              in: 'query',
              description: 'Jeugd of Wmo; elke regel wordt gecontroleerd met de regels van dat domein',
              schema: { enum: ['jeugd', 'wmo'], default: 'jeugd' },
            },
            { name: 'bestandsnaam', in: 'query', schema: { type: 'string', maxLength: 400 } },
          ],
          requestBody: {
            required: true,
            content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } },
          },
          responses: {
            200: { description: 'Al ontvangen: het eerdere ontvangstbewijs', content: json('Ontvangstbewijs') },
            202: {
              description: 'Ontvangen en versleuteld bewaard; Location wijst naar de status',
              content: json('Ontvangstbewijs'),
            },
            400: error,
            401: error,
            409: error, // productie without a current verwerkersovereenkomst
            429: error,
          },
        },
      },
      '/api/v1/aanleveringen/{nummer}': {
        get: {
          summary: op('/api/v1/aanleveringen/{nummer}', 'get').summary,
          security: bearer,
          parameters: [{ name: 'nummer', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }],
          responses: {
            200: {
              description: 'Status en verslag',
              content: { ...json('Aanlevering'), 'text/csv': { schema: { type: 'string' } } },
            },
            401: error,
            404: error,
          },
        },
      },
    },
  };
}

function json(schema: string) {
  return { 'application/json': { schema: { $ref: `#/components/schemas/${schema}` } } };
}
