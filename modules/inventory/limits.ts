/** The most tickets or units one order line may ask for. */
export const MAX_LINE_QUANTITY = 50;
