/**
 * English function words, which say nothing about what a recommendation asks for. Kept as data
 * (not a regex) so a reader can see exactly what is ignored. Words such as "council" stay in:
 * rarity weighting already makes them count for little when every recommendation uses them.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  `a about above after again against all also am an and any are as at be because been before being
  below between both but by can could did do does doing down during each either etc few for from
  further had has have having he her here hers herself him himself his how i if in into is it its
  itself just me more most my myself no nor not now of off on once only or other ought our ours
  ourselves out over own same shall she should so some such than that the their theirs them
  themselves then there these they this those through thus to too under until up upon us very via
  was we were what when where whether which while who whom why will with within without would yet
  you your yours yourself yourselves`
    .split(/\s+/)
    .filter(Boolean),
);
