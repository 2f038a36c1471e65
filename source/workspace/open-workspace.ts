// Everything a command needs: pricing, the index, the sources in use, and a sync over them.
import fs from 'node:fs';
import {openIndex} from '../store/open-index.js';
import {createIndexStore, type IndexStore} from '../store/index-store.js';
import {createSessionQueries, type SessionQueries} from '../store/session-queries.js';
import {defaultPricing} from '../core/pricing.js';
import type {PricingTable, Warning} from '../core/types.js';
import type {Result} from '../core/time.js';
import {loadPricingFile} from '../config/pricing-file.js';
import {defaultIndexPath, demoPaths} from '../config/paths.js';
import {resolveTapesPath, TAPES_NOT_FOUND} from '../sources/tapes/discover.js';
import {seedDemo} from '../sources/demo/seed.js';
import {repriceIfChanged} from '../sync/reprice.js';

export interface WorkspaceOptions {
	sqlite?: string;
	index?: string;
	demo: boolean;
	overwrite: boolean;
	pricing?: string;
	env: Record<string, string | undefined>;
	home: string;
	cwd: string;
	now: () => number;
}

export interface SourceInUse {
	id: number;
	kind: 'tapes';
	path: string;
}

export interface Workspace {
	store: IndexStore;
	queries: SessionQueries;
	pricing: PricingTable;
	indexPath: string;
	sources: SourceInUse[];
	/** Lines worth telling the user before anything else (e.g. that the demo was seeded). */
	notices: string[];
	warnings: Warning[];
	close(): void;
}

export function openWorkspace(opts: WorkspaceOptions): Result<Workspace> {
	let pricing = defaultPricing();
	if (opts.pricing) {
		const loaded = loadPricingFile(opts.pricing, pricing);
		if (!loaded.ok) return loaded;
		pricing = loaded.value;
	}
	if (opts.overwrite && !opts.demo) return {ok: false, error: '--overwrite requires --demo'};
	const notices: string[] = [];
	let tapesPath: string | null;
	let indexPath = opts.index ?? defaultIndexPath(opts.env, opts.home);
	if (opts.demo) {
		const demo = demoPaths(opts.env, opts.home);
		tapesPath = opts.sqlite ?? demo.tapes;
		if (!opts.index) indexPath = demo.index;
		// Seed once; later runs open the same data so what was extracted about it is still there.
		if (opts.overwrite || !fs.existsSync(tapesPath)) {
			try {
				if (opts.overwrite) for (const suffix of ['', '-wal', '-shm']) fs.rmSync(indexPath + suffix, {force: true});
				const seeded = seedDemo(tapesPath, {overwrite: opts.overwrite, now: opts.now()});
				notices.push(`Seeded ${seeded.sessions} demo sessions (${seeded.messages} messages) into ${tapesPath}`);
			} catch (error) {
				return {ok: false, error: (error as Error).message};
			}
		}
	} else {
		tapesPath = resolveTapesPath({flag: opts.sqlite, env: opts.env, home: opts.home, cwd: opts.cwd, exists: fs.existsSync});
		if (!tapesPath) return {ok: false, error: `${TAPES_NOT_FOUND} (or try --demo)`};
	}
	const opened = openIndex(indexPath);
	if (!opened.ok) return opened;
	const store = createIndexStore(opened.db);
	const source = store.sources.ensure('tapes', tapesPath);
	const sources: SourceInUse[] = [{id: source.id, kind: 'tapes', path: tapesPath}];
	repriceIfChanged(store, pricing, opts.now());
	return {
		ok: true,
		value: {
			store,
			queries: createSessionQueries(opened.db, sources.map((s) => s.id)),
			pricing,
			indexPath,
			sources,
			notices,
			warnings: [],
			close: () => opened.db.close(),
		},
	};
}
