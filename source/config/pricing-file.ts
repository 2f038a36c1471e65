// Loads a --pricing override file: {"model": {"input": 3, "output": 15, "cache_read": 0.3, "cache_write": 3.75}}.
import {readRegularFile} from '../sources/regular-file.js';
import {createRequire} from 'node:module';
import type * as Zod from 'zod';
import type {Pricing, PricingTable} from '../core/types.js';
import {mergePricing} from '../core/pricing.js';
import type {Result} from '../core/time.js';

/** A pricing table is a few kilobytes; more is not a pricing file. */
const MAX_PRICING_BYTES = 16 << 20;

// zod loads only when a --pricing file is given: it is the heaviest module on the report path.
const requireCjs = createRequire(import.meta.url);
type Z = typeof Zod.z;

function pricingFileSchema(z: Z) {
	const price = z.number().finite().nonnegative();
	const entry = z
		.object({
			input: price.optional(),
			output: price.optional(),
			cache_read: price.optional(),
			cache_write: price.optional(),
			cache_write_1h: price.optional(),
		})
		.strict();
	return z.record(z.string().min(1), entry);
}

function where(issue: Zod.core.$ZodIssue): string {
	return issue.path.length ? issue.path.map(String).join('.') : '(top level)';
}

/** Reads and validates the file; fields an entry leaves out keep the built-in price (reference §7). */
export function loadPricingFile(path: string, base: PricingTable): Result<PricingTable> {
	const read = readRegularFile(path, MAX_PRICING_BYTES);
	if (!read.ok) return {ok: false, error: `pricing file ${path}: ${read.error}`};
	const text = read.value;
	let json: unknown;
	try {
		json = JSON.parse(text);
	} catch (error) {
		return {ok: false, error: `pricing file ${path}: not valid JSON (${(error as Error).message})`};
	}
	const {z} = requireCjs('zod') as typeof Zod;
	const parsed = pricingFileSchema(z).safeParse(json);
	if (!parsed.success) {
		const issue = parsed.error.issues[0]!;
		return {ok: false, error: `pricing file ${path}: ${where(issue)}: ${issue.message}`};
	}
	const overrides: Record<string, Partial<Pricing>> = {};
	for (const [model, e] of Object.entries(parsed.data)) {
		const o: Partial<Pricing> = {};
		if (e.input !== undefined) o.input = e.input;
		if (e.output !== undefined) o.output = e.output;
		if (e.cache_read !== undefined) o.cacheRead = e.cache_read;
		if (e.cache_write !== undefined) o.cacheWrite = e.cache_write;
		if (e.cache_write_1h !== undefined) o.cacheWrite1h = e.cache_write_1h;
		overrides[model] = o;
	}
	return {ok: true, value: mergePricing(base, overrides, `${base.source} + ${path}`)};
}
