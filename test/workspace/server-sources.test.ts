// Where a tapes server is read: on a thread of its own only for a first import (later syncs read little and
// the thread's start would be most of their time), only with prices a thread can reopen, and not when the
// user said TAPEDECK_READER_THREAD=off. (That the thread reads what the in-process reader does is in
// test/sync/server-reader-thread.test.ts.)
import {describe, expect, it} from 'vitest';
import {defaultPricing} from '../../source/core/pricing.js';
import type {PricingTable} from '../../source/core/types.js';
import {readsOnThread} from '../../source/workspace/server-sources.js';

const catalog = (dataFile?: string): PricingTable => ({...defaultPricing(), catalog: {version: 'v', source: 's', lookup: () => null, ...(dataFile ? {dataFile} : {})}});

describe('readsOnThread', () => {
	it('reads a first import on a thread, and later syncs here', () => {
		expect(readsOnThread(true, defaultPricing(), {})).toBe(true);
		expect(readsOnThread(false, defaultPricing(), {})).toBe(false);
	});

	it('keeps the read here when the catalog cannot be reopened on a thread', () => {
		expect(readsOnThread(true, catalog('/data/genai-prices.json'), {})).toBe(true);
		expect(readsOnThread(true, catalog(), {})).toBe(false);
	});

	it('keeps the read here with TAPEDECK_READER_THREAD=off', () => {
		expect(readsOnThread(true, defaultPricing(), {TAPEDECK_READER_THREAD: 'off'})).toBe(false);
		expect(readsOnThread(true, defaultPricing(), {TAPEDECK_READER_THREAD: 'on'})).toBe(true);
	});
});
