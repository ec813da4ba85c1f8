/** Name of the hidden sheet that holds drop-down lists too long or too comma-laden to inline. */
export const LISTS_SHEET = '_phuluc_lists';
