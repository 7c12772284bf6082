/** Cues of a council report's requested decisions, shared by the recognisers that must tell them from the peers' recommendations. */

/** "The Cabinet is asked to:", "Members are recommended to", "It is recommended that Council" */
export const ASKED_TO = /\b((?:the\s+)?[A-Z][\w&' -]*?)\s+(?:is|are)\s+(?:asked|recommended|requested|invited|requested)\s+to\b|\bit is recommended that\b/i;
