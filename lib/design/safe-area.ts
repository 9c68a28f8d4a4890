/** The margins of the safe area text is kept inside, as fractions of the poster's width (sides) and height (top,
 * foot): the templates stack layers inside it, and the canvas snaps layers to its edges. (Its own module: the
 * browser's canvas needs it without the layout's font metrics.) */
export const SAFE_AREA = { side: 0.06, top: 0.05, foot: 0.035 } as const;
