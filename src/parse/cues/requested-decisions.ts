/** Cues of a council report's requested decisions, shared by the recognisers that must tell them from the peers' recommendations. */

/**
 * "The Cabinet is asked to:", "Members are recommended to", "It is recommended that Council". The
 * body asked is a few words (to 80 characters): unbounded, the lazy run was tried from every letter
 * of a long unpunctuated paragraph to its end.
 */
export const ASKED_TO = /\b((?:the\s+)?[A-Z][\w&' -]{0,80}?)\s+(?:is|are)\s+(?:asked|recommended|requested|invited|requested)\s+to\b|\bit is recommended that\b/i;
