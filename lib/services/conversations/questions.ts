// The four questions of the kwaliteitsgesprek (NJi, docs/domain.md "Who and why").
export const QUESTIONS = [
  { n: 1, title: 'Wat zien we?', hint: 'Herkennen we dit beeld in de cijfers?' },
  { n: 2, title: 'Kunnen we het verklaren?', hint: 'Het verhaal achter de cijfers.' },
  { n: 3, title: 'Hoe waarderen we het?', hint: 'Is het goed zo, of moet het beter?' },
  { n: 4, title: 'Welke verbeterstappen?', hint: 'Concrete acties, met een eigenaar en een datum.' },
] as const;

export const SIDE_LABEL = { GEMEENTE: 'Gemeente', AANBIEDER: 'Aanbieder' } as const;
