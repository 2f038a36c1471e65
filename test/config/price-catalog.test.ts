// The catalog layer: @pydantic/genai-prices' own data (no network), under the built-in table and a
// --pricing file; `pricing --update` against a real HTTP server on 127.0.0.1, and offline.
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {REMOTE_DATA_JSON_URL} from '@pydantic/genai-prices';
import {catalogPricing, openPriceCatalog} from '../../source/config/price-catalog.js';
import {CATALOG_DATA_URL, updatePriceCatalog} from '../../source/config/price-catalog-update.js';
import {defaultPricing, mergePricing, priceLookup} from '../../source/core/pricing.js';
import {costOfUsage} from '../../source/core/cost.js';

const dirs: string[] = [];
const tmp = () => {
	const d = fs.mkdtempSync(path.join(os.tmpdir(), 'tapedeck-catalog-'));
	dirs.push(d);
	return d;
};
afterEach(() => {
	for (const d of dirs.splice(0)) fs.rmSync(d, {recursive: true, force: true});
});

describe('price catalog layer', () => {
	const table = () => ({...defaultPricing(), catalog: openPriceCatalog(path.join(tmp(), 'none.json'))});

	it('prices the models the built-in table lacks (claude-opus-4-7, gpt-5.5) from the bundled data', () => {
		const t = table();
		const opus = priceLookup(t, 'claude-opus-4-7');
		expect(opus?.layer).toBe('catalog');
		expect(opus?.price).toMatchObject({input: 5, output: 25, cacheRead: 0.5, cacheWrite: 6.25, cacheWrite1h: 10});
		expect(priceLookup(t, 'gpt-5.5')?.layer).toBe('catalog');
		expect(priceLookup(t, 'no-such-model-anywhere')).toBeNull();
	});

	it('the built-in table wins over the catalog, and a --pricing file over both', () => {
		const t = table();
		expect(priceLookup(t, 'claude-sonnet-4-5-20250929')?.layer).toBe('built-in');
		const merged = mergePricing(t, {'claude-opus-4-7': {input: 1}}, 'built-in table + p.json');
		expect(priceLookup(merged, 'claude-opus-4-7')).toMatchObject({layer: 'pricing-file', price: {input: 1, output: 25}});
		expect(priceLookup(merged, 'gpt-5.5')?.layer).toBe('catalog');
	});

	it('a tiered price becomes the long-context rule: the whole request above the threshold at the higher rates', () => {
		const p = catalogPricing('gpt-x', {input_mtok: {base: 5, tiers: [{start: 271_999, price: 10}]}, output_mtok: {base: 30, tiers: [{start: 271_999, price: 45}]}});
		expect(p?.longContext).toMatchObject({threshold: 271_999, input: 10, output: 45});
		const u = (input: number) => ({input, output: 1_000_000, cacheWrite: 0, cacheWrite1h: 0, cacheRead: 0, total: null});
		expect(costOfUsage(p!, u(200_000)).total).toBeCloseTo(0.2 * 5 + 30, 10);
		expect(costOfUsage(p!, u(300_000)).total).toBeCloseTo(0.3 * 10 + 45, 10);
	});

	it('a built-in entry takes the catalog\'s long-context rates for the same model, a --pricing entry does not', () => {
		const t = table();
		expect(priceLookup(t, 'claude-sonnet-4-5-20250929')).toMatchObject({layer: 'built-in', price: {input: 3, longContext: {threshold: 200_000, input: 6, output: 22.5}}});
		expect(priceLookup(t, 'claude-sonnet-4')?.price.longContext).toBeUndefined();
		expect(priceLookup(defaultPricing(), 'claude-sonnet-4.5')?.price.longContext).toBeUndefined();
		const merged = mergePricing(t, {'claude-sonnet-4.5': {input: 2}}, 'p.json');
		expect(priceLookup(merged, 'claude-sonnet-4.5')?.price.longContext).toBeUndefined();
	});

	it('the update URL is the one the package itself updates from', () => {
		expect(CATALOG_DATA_URL).toBe(REMOTE_DATA_JSON_URL);
	});
});

describe('the catalog\'s kept answers', () => {
	const memoOf = (dir: string) => path.join(dir, 'genai-prices-lookups.json');

	it('keeps each answer beside the data file, and a later run answers from it without asking the package', () => {
		const dir = tmp();
		const first = openPriceCatalog(path.join(dir, 'genai-prices.json'));
		const opus = first.lookup('claude-opus-4-7');
		expect(first.lookup('no-such-model-anywhere')).toBeNull();
		const kept = JSON.parse(fs.readFileSync(memoOf(dir), 'utf8')) as {version: string; lookups: Record<string, unknown>};
		expect(kept.version).toContain(first.version);
		expect(kept.lookups).toEqual({'claude-opus-4-7': opus, 'no-such-model-anywhere': null});
		// A kept answer is the one given: changed on disk, the next run reads the change (it did not ask the package).
		kept.lookups['claude-opus-4-7'] = {...opus!, input: 123};
		fs.writeFileSync(memoOf(dir), JSON.stringify(kept));
		expect(openPriceCatalog(path.join(dir, 'genai-prices.json')).lookup('claude-opus-4-7')).toMatchObject({input: 123, output: 25});
	});

	it('starts afresh when the catalog is another version (pricing --update, a new package), and reads past a damaged file', () => {
		const dir = tmp();
		const dataFile = path.join(dir, 'genai-prices.json');
		const right = openPriceCatalog(dataFile).lookup('claude-opus-4-7');
		const kept = JSON.parse(fs.readFileSync(memoOf(dir), 'utf8')) as {version: string; lookups: Record<string, {input: number}>};
		kept.lookups['claude-opus-4-7']!.input = 123;
		fs.writeFileSync(memoOf(dir), JSON.stringify({...kept, version: `${kept.version}-older`}));
		expect(openPriceCatalog(dataFile).lookup('claude-opus-4-7')).toEqual(right);
		fs.writeFileSync(memoOf(dir), '{not json');
		expect(openPriceCatalog(dataFile).lookup('claude-opus-4-7')).toEqual(right);
	});
});

describe('pricing --update', () => {
	let server: http.Server | null = null;
	afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

	const serve = (body: string, status = 200) => new Promise<string>((resolve) => {
		server = http.createServer((_req, res) => res.writeHead(status, {'content-type': 'application/json'}).end(body));
		server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server!.address() as {port: number}).port}/data.json`));
	});

	it('saves the published data, which the catalog then prices from (and its version changes)', async () => {
		const file = path.join(tmp(), 'genai-prices.json');
		const before = openPriceCatalog(file).version;
		const data = [{id: 'acme', name: 'Acme', api_pattern: 'acme', model_match: {starts_with: 'acme'}, models: [{id: 'acme-1', match: {equals: 'acme-1'}, prices: {input_mtok: 7, output_mtok: 9}}]}];
		const url = await serve(JSON.stringify(data));
		const updated = await updatePriceCatalog(file, url);
		expect(updated).toMatchObject({ok: true});
		expect(updated.ok && updated.value).toContain('1 providers, 1 models');
		const catalog = openPriceCatalog(file);
		expect(catalog.version).not.toBe(before);
		expect(catalog.source).toContain('data refreshed');
		// The package holds one data set per process: this file's last lookup, so the bundled data is not needed after it.
		expect(catalog.lookup('acme-1')).toMatchObject({input: 7, output: 9, cacheRead: 7});
	});

	it('offline, or given something that is not the catalog, says so and keeps the prices', async () => {
		const file = path.join(tmp(), 'genai-prices.json');
		const closed = await serve('');
		await new Promise<void>((resolve) => server!.close(() => resolve()));
		server = null;
		const offline = await updatePriceCatalog(file, closed);
		expect(offline.ok).toBe(false);
		expect(!offline.ok && offline.error).toMatch(/cannot reach 127\.0\.0\.1:\d+ \(ECONNREFUSED\): offline\? prices stay as they were/);
		const wrong = await updatePriceCatalog(file, await serve('{"not": "a list"}'));
		expect(!wrong.ok && wrong.error).toContain('is not a list of providers with models');
		expect(fs.existsSync(file)).toBe(false);
	});
});
