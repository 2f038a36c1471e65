// The maintained price catalog under the built-in table: @pydantic/genai-prices (MIT), whose data ships
// inside the package and so works offline; `tapedeck pricing --update` can replace that data with the
// catalog's newest published file. The package (half a megabyte of data) loads on the first model the
// tables above it lack, so a warm report, whose costs were stored at sync, never loads it.
import fs from 'node:fs';
import path from 'node:path';
import {createRequire} from 'node:module';
import type * as GenaiPrices from '@pydantic/genai-prices';
import {isAnthropicModel, normalizeModel} from '../core/models.js';
import type {PriceCatalog, Pricing, PricingTable} from '../core/types.js';
import {catalogMemoFile, openCatalogMemo} from './price-catalog-memo.js';

export const CATALOG_PACKAGE = '@pydantic/genai-prices';
const requireCjs = createRequire(import.meta.url);

/** Where `pricing --update` keeps the refreshed catalog data. */
export function catalogDataFile(dataDir: string): string {
	return path.join(dataDir, 'genai-prices.json');
}

export function catalogPackageVersion(): string {
	try {
		const main = requireCjs.resolve(CATALOG_PACKAGE);
		const pkg = JSON.parse(fs.readFileSync(path.join(path.dirname(main), '..', 'package.json'), 'utf8')) as {version?: string};
		return pkg.version ?? '?';
	} catch {
		return 'missing';
	}
}

/** Bump when catalogPricing() turns the catalog's rates into a Pricing differently: kept answers start afresh. */
const CONVERSION_VERSION = 1;

type Rate = number | {base: number; tiers: Array<{start: number; price: number}>} | undefined;

const baseOf = (r: Rate): number | undefined => (typeof r === 'number' ? r : r && typeof r === 'object' ? r.base : undefined);
const tierOf = (r: Rate): {start: number; price: number} | undefined => (r && typeof r === 'object' ? r.tiers[0] : undefined);

/** The catalog's per-million rates as tapedeck's Pricing; fields it leaves out follow the same rules as a --pricing file. */
export function catalogPricing(model: string, prices: Record<string, Rate>): Pricing | null {
	const input = baseOf(prices['input_mtok']);
	if (input === undefined) return null;
	const pick = (key: string, fallback: number) => baseOf(prices[key]) ?? fallback;
	const cacheWrite = pick('cache_write_mtok', input);
	const p: Pricing = {
		input, output: pick('output_mtok', input), cacheRead: pick('cache_read_mtok', input), cacheWrite,
		cacheWrite1h: pick('cache_write_1h_mtok', isAnthropicModel(model) ? input * 2 : cacheWrite),
	};
	const tier = tierOf(prices['input_mtok']);
	if (tier) {
		const at = (key: string, fallback: number) => tierOf(prices[key])?.price ?? fallback;
		p.longContext = {
			threshold: tier.start, input: tier.price, output: at('output_mtok', p.output), cacheRead: at('cache_read_mtok', p.cacheRead),
			cacheWrite: at('cache_write_mtok', p.cacheWrite), cacheWrite1h: at('cache_write_1h_mtok', p.cacheWrite1h),
		};
	}
	return p;
}

/**
 * Opens the catalog: the refreshed data file when there is one, else the package's own data. The
 * version (package version plus the refreshed file's time and size) is what stored costs are keyed by.
 */
export function openPriceCatalog(dataFile: string): PriceCatalog {
	const packageVersion = catalogPackageVersion();
	const stat = fs.statSync(dataFile, {throwIfNoEntry: false});
	const refreshed = stat ? new Date(stat.mtimeMs).toISOString().slice(0, 10) : '';
	let lib: typeof GenaiPrices | null = null;
	const memo = new Map<string, Pricing | null>();
	const load = (): typeof GenaiPrices => {
		const loaded = requireCjs(CATALOG_PACKAGE) as typeof GenaiPrices;
		if (stat) {
			try {
				const data = JSON.parse(fs.readFileSync(dataFile, 'utf8')) as GenaiPrices.Provider[];
				loaded.updatePrices(({setProviderData}) => setProviderData(data));
			} catch {
				// A damaged refreshed file: the bundled data still prices; `pricing --update` writes it anew.
			}
		}
		return loaded;
	};
	const version = `${CATALOG_PACKAGE}@${packageVersion}${stat ? `+${Math.floor(stat.mtimeMs)}.${stat.size}` : ''}`;
	// The answers of earlier runs: a run that asks only those never loads the package.
	const kept = openCatalogMemo(catalogMemoFile(dataFile), `${version} as ${CONVERSION_VERSION}`);
	return {
		version,
		source: `${CATALOG_PACKAGE} ${packageVersion} (${stat ? `data refreshed ${refreshed}` : 'bundled data'})`,
		dataFile,
		lookup(model: string): Pricing | null {
			const cached = memo.get(model) ?? kept.get(model);
			if (cached !== undefined) {
				memo.set(model, cached);
				return cached;
			}
			let found: Pricing | null = null;
			try {
				lib ??= load();
				const normalized = normalizeModel(model);
				for (const candidate of new Set([model.trim().toLowerCase(), normalized, normalized.replaceAll('.', '-')])) {
					const hit = candidate === '' ? null : lib.calcPrice({input_tokens: 0}, candidate);
					if (hit) {
						found = catalogPricing(normalized, hit.model_price as Record<string, Rate>);
						if (found) break;
					}
				}
			} catch {
				// A missing or broken package leaves the model unpriced, as before the catalog (and this run only).
				memo.set(model, null);
				return null;
			}
			memo.set(model, found);
			kept.put(model, found);
			return found;
		},
	};
}

/** A price table as data a thread can be sent: its catalog (functions) goes as the data file it reopens. */
export interface PortablePricing {
	table: Omit<PricingTable, 'catalog'>;
	catalogFile: string | null;
}

export function portablePricing(pricing: PricingTable): PortablePricing {
	const {catalog, ...table} = pricing;
	return {table, catalogFile: catalog?.dataFile ?? null};
}

export function pricingFromPortable(p: PortablePricing): PricingTable {
	return p.catalogFile ? {...p.table, catalog: openPriceCatalog(p.catalogFile)} : p.table;
}
