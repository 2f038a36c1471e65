// zod, loaded on first use. Readers validate well-formed rows with cheap hand-written checks and fall back
// to zod only for odd ones, so the common paths (a warm report, an up-to-date sync) never load it.
import {createRequire} from 'node:module';
import type * as Zod from 'zod';

export type Z = typeof Zod.z;

const requireCjs = createRequire(import.meta.url);
let loaded: Z | undefined;

export function zod(): Z {
	loaded ??= (requireCjs('zod') as typeof Zod).z;
	return loaded;
}

/** A schema built on first use. */
export function lazySchema<T>(build: (z: Z) => T): () => T {
	let schema: T | undefined;
	return () => (schema ??= build(zod()));
}
