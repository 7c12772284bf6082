/**
 * Matching constants, in a module with no imports so that `cpc --help` can show the default
 * threshold without loading the matcher.
 */

/** The least similarity for a link, unless the caller says otherwise (`--threshold`). */
export const DEFAULT_THRESHOLD = 0.3;

/**
 * Added to the similarity of an eligible pair whose numbers agree, in the assignment only: it
 * decides between candidates of near-equal text similarity, never makes a pair eligible, and is
 * not part of the reported score.
 */
export const NUMBER_BONUS = 0.05;
