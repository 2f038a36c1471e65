// `tapedeck pricing [MODEL]`: which price a model gets and from which layer (the --pricing file, the
// built-in table, the catalog). Without a model: every model the index has seen.
import {toJson} from './json.js';
import {normalizeModel} from '../core/models.js';
import {priceLookup} from '../core/pricing.js';
import type {PriceLayer, Pricing, PricingTable} from '../core/types.js';
import type {Result} from '../core/time.js';
import {renderTable} from './text-table.js';

export const LAYER_NAMES: Record<PriceLayer, string> = {'pricing-file': '--pricing file', 'built-in': 'built-in table', catalog: 'catalog'};

interface Row {
	model: string;
	normalized: string;
	layer: PriceLayer | null;
	price: Pricing | null;
}

const priceJson = (p: Pricing) => ({
	input: p.input, output: p.output, cache_read: p.cacheRead, cache_write: p.cacheWrite, cache_write_1h: p.cacheWrite1h,
	long_context: p.longContext ? {above_input_tokens: p.longContext.threshold, input: p.longContext.input, output: p.longContext.output,
		cache_read: p.longContext.cacheRead, cache_write: p.longContext.cacheWrite, cache_write_1h: p.longContext.cacheWrite1h} : null,
});

function layersJson(p: PricingTable) {
	return {built_in: {source: p.source, verified: p.verified}, catalog: p.catalog ? {source: p.catalog.source, version: p.catalog.version} : null,
		pricing_file_models: [...(p.overridden ?? [])].sort()};
}

const rowJson = (r: Row) => ({model: r.model, normalized: r.normalized, layer: r.layer, ...(r.price ? priceJson(r.price) : {price: null})});

const rate = (n: number) => (Number.isInteger(n) ? String(n) : String(Number(n.toFixed(4))));

export function pricingReport(pricing: PricingTable, model: string, known: readonly string[], format: 'table' | 'json'): Result<string> {
	const lookup = (m: string): Row => {
		const hit = priceLookup(pricing, m);
		return {model: m, normalized: normalizeModel(m), layer: hit?.layer ?? null, price: hit?.price ?? null};
	};
	if (model.trim() !== '') {
		const row = lookup(model);
		if (!row.price) {
			return {ok: false, error: `no price for "${model}" (normalized: ${row.normalized || 'empty'}) in the --pricing file, the built-in table or the catalog (${pricing.catalog?.source ?? 'none'}); give one with --pricing`};
		}
		if (format === 'json') return {ok: true, value: toJson({...rowJson(row), layers: layersJson(pricing)}) + '\n'};
		const p = row.price;
		const lines = [`${row.model} (${row.normalized}) is priced by the ${LAYER_NAMES[row.layer!]}, USD per 1M tokens:`,
			`  input ${rate(p.input)} · output ${rate(p.output)} · cache read ${rate(p.cacheRead)} · cache write ${rate(p.cacheWrite)} (1 hour: ${rate(p.cacheWrite1h)})`];
		if (p.longContext) {
			const l = p.longContext;
			lines.push(`  above ${l.threshold.toLocaleString('en-US')} input tokens in one request, the whole request: input ${rate(l.input)} · output ${rate(l.output)} · cache read ${rate(l.cacheRead)} · cache write ${rate(l.cacheWrite)}`);
		}
		return {ok: true, value: lines.join('\n') + '\n'};
	}
	const rows = [...new Set(known.filter((m) => m !== ''))].sort().map(lookup);
	if (format === 'json') return {ok: true, value: toJson({models: rows.map(rowJson), layers: layersJson(pricing)}) + '\n'};
	const table = renderTable(rows, [
		{header: 'Model', cell: (r) => r.model},
		{header: 'Layer', cell: (r) => (r.layer ? LAYER_NAMES[r.layer] : 'unpriced')},
		{header: 'Input', align: 'right', cell: (r) => (r.price ? rate(r.price.input) : '–')},
		{header: 'Output', align: 'right', cell: (r) => (r.price ? rate(r.price.output) : '–')},
		{header: 'Cache read', align: 'right', cell: (r) => (r.price ? rate(r.price.cacheRead) : '–')},
		{header: 'Cache write', align: 'right', cell: (r) => (r.price ? rate(r.price.cacheWrite) : '–')},
		{header: '1h write', align: 'right', cell: (r) => (r.price ? rate(r.price.cacheWrite1h) : '–')},
		{header: 'Long context', cell: (r) => (r.price?.longContext ? `>${r.price.longContext.threshold.toLocaleString('en-US')}` : '')},
	]);
	const notes = [`USD per 1M tokens. Layers, first that prices a model wins: --pricing file${pricing.overridden?.size ? '' : ' (none given)'}; ${pricing.source.split(' + ')[0]} verified ${pricing.verified}; ${pricing.catalog?.source ?? 'no catalog'}.`,
		'Refresh the catalog with `tapedeck pricing --update`.'];
	return {ok: true, value: `${rows.length ? table : 'No models in the index yet.'}\n${notes.join('\n')}\n`};
}
