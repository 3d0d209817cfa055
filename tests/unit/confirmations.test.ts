import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// Issue 13: every destructive or irreversible admin action asks for confirmation. Each one-button
// action in app/ and components/ whose label destroys, revokes or turns off must pass `confirm`
// (components/ui/action-button.tsx then asks before acting). Fails when a new one forgets it.
const DESTRUCTIVE = /deactiveren|intrekken|resetten|uitzetten|afwijzen|uit de regio|verwijder/i;

function actionTags(): { file: string; tag: string }[] {
  const out: { file: string; tag: string }[] = [];
  for (const dir of ['app', 'components'])
    for (const file of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
      if (!file.endsWith('.tsx')) continue;
      const text = readFileSync(path.join(dir, file), 'utf8');
      for (const m of text.matchAll(/<(ActionButton|Action)\b[\s\S]*?\/>/g)) out.push({ file, tag: m[0] });
    }
  return out;
}

describe('destructive actions', () => {
  it('ask for confirmation', () => {
    const tags = actionTags();
    expect(tags.length).toBeGreaterThan(10);
    const destructive = tags.filter((t) => DESTRUCTIVE.test(t.tag.replace(/ariaLabel=\{[^}]*\}/g, '')));
    expect(destructive.length).toBeGreaterThanOrEqual(7);
    expect(
      destructive.filter((t) => !/\bconfirm=/.test(t.tag)).map((t) => `${t.file}: ${t.tag.slice(0, 120)}`),
    ).toEqual([]);
  });
});
