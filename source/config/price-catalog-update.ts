// `tapedeck pricing --update`: fetches the catalog's newest published data (the file @pydantic/genai-prices
// itself updates from) into tapedeck's data directory. Nothing else goes online; offline, the prices stay.
import fs from 'node:fs';
import path from 'node:path';
import type {Result} from '../core/time.js';

/** The same URL as the package's REMOTE_DATA_JSON_URL (a test keeps them equal). */
export const CATALOG_DATA_URL = 'https://raw.githubusercontent.com/pydantic/genai-prices/main/prices/new_data/v2/data.json';
const TIMEOUT_MS = 20_000;

interface ProviderShape {
	id: string;
	models: unknown[];
}

function isProviderList(v: unknown): v is ProviderShape[] {
	return Array.isArray(v) && v.length > 0 && v.every((p) => typeof p === 'object' && p !== null
		&& typeof (p as {id?: unknown}).id === 'string' && Array.isArray((p as {models?: unknown}).models));
}

export async function updatePriceCatalog(dataFile: string, url = CATALOG_DATA_URL, fetchImpl: typeof fetch = fetch): Promise<Result<string>> {
	const keep = 'prices stay as they were (bundled with the package, or the last update)';
	let text: string;
	try {
		const response = await fetchImpl(url, {signal: AbortSignal.timeout(TIMEOUT_MS)});
		if (!response.ok) return {ok: false, error: `price catalog update: ${url} answered HTTP ${response.status}; ${keep}`};
		text = await response.text();
	} catch (error) {
		const cause = (error as {cause?: {code?: string; message?: string}}).cause;
		const why = cause?.code ?? cause?.message ?? (error as Error).message;
		return {ok: false, error: `price catalog update: cannot reach ${new URL(url).host} (${why}): offline? ${keep}`};
	}
	let data: unknown;
	try {
		data = JSON.parse(text);
	} catch (error) {
		return {ok: false, error: `price catalog update: ${url} did not return JSON (${(error as Error).message}); ${keep}`};
	}
	if (!isProviderList(data)) return {ok: false, error: `price catalog update: ${url} is not a list of providers with models; ${keep}`};
	try {
		fs.mkdirSync(path.dirname(dataFile), {recursive: true});
		const partial = `${dataFile}.${process.pid}.tmp`;
		fs.writeFileSync(partial, text);
		fs.renameSync(partial, dataFile);
	} catch (error) {
		return {ok: false, error: `price catalog update: cannot write ${dataFile} (${(error as Error).message}); ${keep}`};
	}
	const models = data.reduce((a, p) => a + p.models.length, 0);
	return {ok: true, value: `Price catalog updated: ${data.length} providers, ${models} models from ${url}, saved to ${dataFile}. Stored costs are recomputed on the next run.\n`};
}
