// Facet and failure writes against a real SQLite index: round trip, supersession, transactions, migration.
import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {beforeEach, describe, expect, it} from 'vitest';
import {createFacetsRepo, type FacetsRepo} from '../../source/store/facets-repo.js';
import {openIndex} from '../../source/store/open-index.js';
import {MIGRATIONS} from '../../source/store/migrations.js';
import type {IndexStore} from '../../source/store/index-store.js';
import {addSession, facetRecord, memoryStore} from './facets-fixture.js';

let store: IndexStore;
let repo: FacetsRepo;

beforeEach(() => {
	store = memoryStore();
	repo = createFacetsRepo(store.db);
	addSession(store, {id: 's1'});
});

const failure = (sessionId: string, reason = 'server error (500)') => ({
	sessionId, provider: 'openai', model: 'gpt-4o-mini', promptVersion: 'prompt-1', messagesSeen: 4, reason, attempts: 1, retries: 4,
	inputTokens: 0, outputTokens: 0, costUsd: 0, failedMs: 5,
});

describe('facets repo', () => {
	it('stores a facet with its provenance and reads it back', () => {
		const rec = facetRecord('s1', {}, {frictionTypes: ['buggy_code', 'tool_failed'], frictionDetail: 'npm test failed'});
		expect(repo.save(rec)).toBe(true);
		expect(repo.get('s1')).toEqual(rec);
		expect(repo.get('nope')).toBeUndefined();
	});

	it('one facet per session: saving again replaces it', () => {
		repo.save(facetRecord('s1'));
		repo.save(facetRecord('s1', {messagesSeen: 6, model: 'gpt-4.1'}, {outcome: 'not_achieved'}));
		expect(store.db.prepare('SELECT count(*) FROM facets').pluck().get()).toBe(1);
		expect(repo.get('s1')).toMatchObject({messagesSeen: 6, model: 'gpt-4.1', facet: {outcome: 'not_achieved'}});
	});

	it('a failure is recorded with its reason and cleared by a later success', () => {
		repo.recordFailure(failure('s1'));
		expect(repo.failure('s1')).toMatchObject({reason: 'server error (500)', retries: 4});
		repo.save(facetRecord('s1'));
		expect(repo.failure('s1')).toBeUndefined();
	});

	it('a heuristic facet never replaces an LLM one, but an LLM facet replaces a heuristic one', () => {
		repo.save(facetRecord('s1', {provider: 'heuristic', model: 'rules'}));
		expect(repo.save(facetRecord('s1'))).toBe(true);
		expect(repo.get('s1')?.provider).toBe('openai');
		repo.recordFailure(failure('s1', 'kept'));
		expect(repo.save(facetRecord('s1', {provider: 'heuristic', model: 'rules', messagesSeen: 9}))).toBe(false);
		expect(repo.get('s1')).toMatchObject({provider: 'openai', messagesSeen: 4});
		// Nothing was written, so the failure the LLM recorded stays too.
		expect(repo.failure('s1')?.reason).toBe('kept');
	});

	it('a write that fails halfway leaves nothing behind', () => {
		repo.recordFailure(failure('s1'));
		// The facet row goes in first; make the second statement of the transaction fail.
		store.db.exec(`CREATE TRIGGER no_clear BEFORE DELETE ON facet_failures BEGIN SELECT RAISE(ABORT, 'disk on fire'); END`);
		expect(() => repo.save(facetRecord('s1'))).toThrow(/disk on fire/);
		expect(repo.get('s1')).toBeUndefined();
		expect(repo.failure('s1')).toBeDefined();
	});
});

describe('facets migration', () => {
	it('a fresh index has the tables, at the newest version', () => {
		expect(store.db.pragma('user_version', {simple: true})).toBe(MIGRATIONS.length);
		const tables = store.db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).pluck().all();
		expect(tables).toEqual(expect.arrayContaining(['facets', 'facet_failures']));
	});

	it('an index already at v3 from before the slot held the tables gets them, and keeps its data', () => {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tapedeck-facets-'));
		const file = path.join(dir, 'index.sqlite');
		const first = openIndex(file);
		if (!first.ok) throw new Error(first.error);
		first.db.exec('DROP TABLE facets; DROP TABLE facet_failures;');
		first.db.close();
		const raw = new Database(file);
		expect(raw.prepare(`SELECT count(*) FROM sqlite_master WHERE name = 'facets'`).pluck().get()).toBe(0);
		raw.close();
		const again = openIndex(file);
		if (!again.ok) throw new Error(again.error);
		const r = createFacetsRepo(again.db);
		expect(r.get('x')).toBeUndefined();
		again.db.close();
		fs.rmSync(dir, {recursive: true, force: true});
	});
});
