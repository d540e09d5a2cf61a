/** Instants leave a function as ISO strings (contracts' `instantOutput`). */
export const iso = (d: Date) => new Date(d).toISOString();
export const isoOrNull = (d: Date | null | undefined) => (d ? iso(d) : null);
