'use server';

import { z } from 'zod';
import { createAanbieder, ZNewAanbieder } from '@/lib/services/organisations/create-aanbieder';
import { createGemeente, ZNewGemeente } from '@/lib/services/organisations/create-gemeente';
import { changeRegio, createRegio, ZNewRegio, ZRegioChange } from '@/lib/services/organisations/regio-membership';
import { setOrganisationActive } from '@/lib/services/organisations/set-organisation-active';
import { runAdminForm } from '../admin-form';

const PAGE = '/beheer/organisaties';
const permission = 'organisations:manage';

export async function createAanbiederAction(form: FormData) {
  await runAdminForm(form, {
    permission,
    audit: 'aanbieder registreren',
    backTo: PAGE,
    schema: ZNewAanbieder,
    run: createAanbieder,
    done: (org) => `${org.name} (AGB ${org.agbCode}) is geregistreerd.`,
  });
}

export async function createGemeenteAction(form: FormData) {
  await runAdminForm(form, {
    permission,
    audit: 'gemeente registreren',
    backTo: PAGE,
    schema: ZNewGemeente,
    run: createGemeente,
    done: (org) => `${org.name} (GM${org.cbsCode}) is geregistreerd.`,
  });
}

export async function createRegioAction(form: FormData) {
  await runAdminForm(form, {
    permission,
    audit: 'regio aanmaken',
    backTo: PAGE,
    schema: ZNewRegio,
    run: createRegio,
    done: (org) => `Regio ${org.name} is aangemaakt; voeg de overige gemeenten toe via "Leden".`,
  });
}

const REGIO_DONE: Record<string, string> = {
  'lid-toevoegen': 'De gemeente is toegevoegd.',
  'lid-verwijderen': 'De gemeente is uit de regio gehaald.',
  centrumgemeente: 'De centrumgemeente is gewijzigd.',
};

export async function changeRegioAction(form: FormData) {
  const regioId = z.uuid().safeParse(form.get('regioId')).data ?? '';
  await runAdminForm(form, {
    permission,
    audit: `regio wijzigen ${regioId}`,
    backTo: `${PAGE}/regio/${regioId}`,
    schema: ZRegioChange,
    run: changeRegio,
    done: () => REGIO_DONE[String(form.get('change'))] ?? 'Gewijzigd.',
  });
}

const ZSetActive = z.object({ id: z.uuid('Onbekende organisatie.'), active: z.enum(['ja', 'nee']) });

export async function setActiveAction(form: FormData) {
  await runAdminForm(form, {
    permission,
    audit: `organisatie ${form.get('active') === 'ja' ? 'activeren' : 'deactiveren'} ${z.uuid().safeParse(form.get('id')).data ?? '?'}`,
    backTo: PAGE,
    schema: ZSetActive,
    run: (scope, input, address) =>
      setOrganisationActive(scope, input.id, input.active === 'ja', address).then(() => input.active === 'ja'),
    done: (active) =>
      active
        ? 'De organisatie is weer actief.'
        : 'De organisatie is gedeactiveerd; haar gegevens en auditlog blijven bewaard.',
  });
}
