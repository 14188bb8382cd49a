/** The four strategies of the transfer-learning comparison, in chart order (shared by the task and the view). */
export const STRATEGIES = ['pretrained', 'scratch', 'frozen', 'full'] as const;
/** One strategy. */
export type Strategy = (typeof STRATEGIES)[number];
