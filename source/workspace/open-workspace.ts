// Everything a command needs: pricing, the index, the sources in use, and a sync over them. The demo's
// seeder and the repricer load only on the runs that need them (the demo's first run, a price change):
// together they were a tenth of the modules a warm report loaded.
import fs from 'node:fs';
import path from 'node:path';
import {describeSqliteError, openIndex} from '../store/open-index.js';
import {createIndexStore, type IndexStore} from '../store/index-store.js';
import {createSessionQueries, type SessionQueries} from '../store/session-queries.js';
import {defaultPricing} from '../core/pricing.js';
import type {PricingTable, SourceKind, Warning} from '../core/types.js';
import type {Result} from '../core/time.js';
import {loadPricingFile} from '../config/pricing-file.js';
import {dataDir, defaultIndexPath, demoPaths} from '../config/paths.js';
import {catalogDataFile, openPriceCatalog} from '../config/price-catalog.js';
import type {SeedDemo} from '../sources/demo/seed.js';
import {pricesChanged} from '../sync/pricing-fingerprint.js';
import {discoverSources, NOTHING_FOUND, REMOTE_KINDS, type SourceSpec} from './discover-sources.js';
import {redactUrl} from '../sources/tapes-postgres/discover.js';
import {createSessionInfo, type SessionInfoLookup} from './session-info.js';

export interface WorkspaceOptions {
	sqlite?: string;
	index?: string;
	demo: boolean;
	overwrite: boolean;
	pricing?: string;
	/** Price models the tables lack from the catalog (default: yes, except for the demo, which shows the reference's figures). */
	catalog?: boolean;
	/** Transcript roots (--claude, --codex, --promptkit, each repeatable). */
	claude?: string[];
	codex?: string[];
	promptkit?: string[];
	/** --search-index (true) or --no-search-index (false) for the sources of this run; remembered per source. */
	searchIndex?: boolean;
	/** tapes' server: --postgres and --tapes-api ('' for the local default), and --user (one gateway user's sessions). */
	postgres?: string;
	tapesApi?: string;
	user?: string;
	env: Record<string, string | undefined>;
	home: string;
	cwd: string;
	now: () => number;
}

export interface SourceInUse {
	id: number;
	kind: SourceKind;
	/** A file or folder; for a server, its URL without the password (and `#user=…` when filtered). */
	path: string;
	/** A server's URL as given, password included: kept in memory only, to connect with. */
	url?: string;
	/** --user: only this gateway user's sessions. */
	user?: string;
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
	/** What transcripts add to session rows: cwd, git branch, subagent totals. */
	sessionInfo: SessionInfoLookup;
	close(): void;
}

/** What opening may need beyond the index; openWorkspace loads each only when this run needs it (demoNeedsSeeding, pricesStale). */
export interface OpeningSteps {
	seedDemo?: SeedDemo;
	/** Re-summarizes every stored session with new prices; returns how many. */
	reprice?: (store: IndexStore, pricing: PricingTable, now: number) => number;
}

/** Opens the workspace, loading the seeder and the repricer when this run needs them. */
export async function openWorkspace(opts: WorkspaceOptions): Promise<Result<Workspace>> {
	const seedDemo = demoNeedsSeeding(opts) ? (await import('../sources/demo/seed.js')).seedDemo : undefined;
	const opened = openWorkspaceWith(opts, seedDemo ? {seedDemo} : {});
	if (!opened.ok) return opened;
	const {workspace, pricesStale} = opened.value;
	if (pricesStale) {
		try {
			(await import('../sync/reprice.js')).repriceIfChanged(workspace.store, workspace.pricing, opts.now());
		} catch (error) {
			workspace.close();
			return {ok: false, error: describeSqliteError(workspace.indexPath, error)};
		}
	}
	return {ok: true, value: workspace};
}

/** The demo's tapes file is made on its first run (and again with --overwrite). */
export function demoNeedsSeeding(opts: WorkspaceOptions): boolean {
	return opts.demo && (opts.overwrite || !fs.existsSync(opts.sqlite ?? demoPaths(opts.env, opts.home).tapes));
}

/**
 * The whole of opening, synchronously, with the steps given. Without `reprice`, stored costs of other prices
 * are left for the caller (`pricesStale`); without `seedDemo`, a demo that needs seeding is an error.
 */
export function openWorkspaceWith(opts: WorkspaceOptions, steps: OpeningSteps): Result<{workspace: Workspace; pricesStale: boolean}> {
	// Layers, top first: the --pricing file, the built-in (reference) table, the maintained catalog. The demo
	// is the reference's data and shows the reference's figures (an unpriced model included): no catalog.
	const withCatalog = opts.catalog ?? !opts.demo;
	let pricing: PricingTable = withCatalog ? {...defaultPricing(), catalog: openPriceCatalog(catalogDataFile(dataDir(opts.env, opts.home)))} : defaultPricing();
	if (opts.pricing) {
		const loaded = loadPricingFile(opts.pricing, pricing);
		if (!loaded.ok) return loaded;
		pricing = loaded.value;
	}
	if (opts.overwrite && !opts.demo) return {ok: false, error: '--overwrite requires --demo'};
	const notices: string[] = [];
	let specs: SourceSpec[];
	let indexPath = opts.index ?? defaultIndexPath(opts.env, opts.home);
	if (opts.demo) {
		const demo = demoPaths(opts.env, opts.home);
		const tapesPath = opts.sqlite ?? demo.tapes;
		if (!opts.index) indexPath = demo.index;
		// Seed once; later runs open the same data so what was extracted about it is still there.
		if (demoNeedsSeeding(opts)) {
			if (!steps.seedDemo) return {ok: false, error: 'the demo needs seeding: open it with openWorkspace'};
			try {
				if (opts.overwrite) for (const suffix of ['', '-wal', '-shm']) fs.rmSync(indexPath + suffix, {force: true});
				const seeded = steps.seedDemo(tapesPath, {overwrite: opts.overwrite, now: opts.now()});
				notices.push(`Seeded ${seeded.sessions} demo sessions (${seeded.messages} messages) into ${tapesPath}`);
			} catch (error) {
				return {ok: false, error: (error as Error).message};
			}
		}
		// The demo is a tapes source; transcript flags given with it are read too.
		specs = [{kind: 'tapes', path: tapesPath}, ...discoverSources({claude: opts.claude, codex: opts.codex, promptkit: opts.promptkit, sqlite: tapesPath, postgres: opts.postgres, tapesApi: opts.tapesApi, env: opts.env, home: opts.home, cwd: opts.cwd})
			.filter((s) => s.kind !== 'tapes')];
	} else {
		specs = discoverSources({sqlite: opts.sqlite, postgres: opts.postgres, tapesApi: opts.tapesApi, claude: opts.claude, codex: opts.codex, promptkit: opts.promptkit, env: opts.env, home: opts.home, cwd: opts.cwd});
		if (specs.length === 0) return {ok: false, error: `${NOTHING_FOUND} (or try --demo)`};
	}
	const opened = openIndex(indexPath);
	if (!opened.ok) return opened;
	try {
		const store = createIndexStore(opened.db);
		// Absolute paths, so `./tapes.db` and `/home/me/tapes.db` are one source and never synced twice.
		const sources: SourceInUse[] = specs.map((s) => {
			if (REMOTE_KINDS.has(s.kind)) {
				// The user is part of what the source is: another user's sessions are another source's.
				const shown = redactUrl(s.path) + (opts.user ? `#user=${opts.user}` : '');
				return {id: store.sources.ensure(s.kind, shown).id, kind: s.kind, path: shown, url: s.path, ...(opts.user ? {user: opts.user} : {})};
			}
			const absolute = path.resolve(opts.cwd, s.path);
			return {id: store.sources.ensure(s.kind, absolute).id, kind: s.kind, path: absolute};
		});
		if (opts.searchIndex !== undefined) for (const s of sources) store.search.setOn(s.id, opts.searchIndex);
		const pricesStale = pricesChanged(store, pricing);
		if (pricesStale && steps.reprice) steps.reprice(store, pricing, opts.now());
		return {
			ok: true,
			value: {pricesStale: pricesStale && !steps.reprice, workspace: {
				store,
				queries: createSessionQueries(opened.db, sources.map((s) => s.id)),
				pricing,
				indexPath,
				sources,
				notices,
				warnings: [],
				sessionInfo: createSessionInfo(opened.db),
				close: () => opened.db.close(),
			}},
		};
	} catch (error) {
		// The first writes are where an index this user may read but not write (or a damaged one) shows.
		opened.db.close();
		return {ok: false, error: describeSqliteError(indexPath, error)};
	}
}
