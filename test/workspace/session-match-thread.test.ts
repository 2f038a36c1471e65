// `/`'s content search on a thread of its own: the thread's body answers as the in-process matcher does and a
// newer query cancels an older one; the built module starts the real thread from dist (so the built CLI finds
// its file); a thread that dies hands its pending and later queries to the in-process matcher; a closed one
// answers nothing. Needs `npm run build` (pretest) for the built module.
import fs from 'node:fs';
import path from 'node:path';
import {MessageChannel} from 'node:worker_threads';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {createSessionMatcher, type SessionMatcher} from '../../source/workspace/session-matches.js';
import {createSessionMatchThread, serveSessionMatches, type MatchThreadReply} from '../../source/workspace/session-match-thread.js';
import {demo, type Demo} from '../ui/helpers/explorer.js';

let d: Demo;
let local: SessionMatcher;
beforeAll(async () => {
	d = await demo();
	local = createSessionMatcher(d.ws.indexPath, d.ws.store.db);
});
afterAll(() => d.close());

const signal = () => new AbortController().signal;
/** Words that some of the demo's sessions hold (checked below: each matches at least one). */
const WORDS = ['migrations', 'merkle', 'flake'];

describe('session match thread', {timeout: 30_000}, () => {
	it('its body answers over a port as the in-process matcher does, and a newer find cancels the older one', async () => {
		const {port1, port2} = new MessageChannel();
		serveSessionMatches(port2, d.ws.indexPath, 50);
		const replies: MatchThreadReply[] = [];
		const got = new Promise<void>((resolve) => port1.on('message', (r: MatchThreadReply) => {
			replies.push(r);
			if (replies.length === WORDS.length + 1) resolve();
		}));
		// The first find is cancelled by the second before it can answer (both sent at once).
		port1.postMessage({type: 'find', id: 1, query: 'the'});
		for (const [i, q] of WORDS.entries()) port1.postMessage({type: 'find', id: i + 2, query: q});
		await got;
		port1.close();
		port2.close();
		const byId = new Map(replies.map((r) => [r.id, r]));
		expect(byId.get(1)).toEqual({type: 'found', id: 1, found: null});
		for (const [i, q] of WORDS.entries()) {
			const expected = await local.find(q, signal());
			expect(JSON.parse(expected!).length).toBeGreaterThan(0);
			// Only the last find runs to its end: each one cancels those before it.
			if (i === WORDS.length - 1) expect(byId.get(i + 2)).toEqual({type: 'found', id: i + 2, found: expected});
			else expect(byId.get(i + 2)).toEqual({type: 'found', id: i + 2, found: null});
		}
	});

	it('the built module starts the thread from dist and answers without the fallback', async () => {
		const built = path.resolve(import.meta.dirname, '..', '..', 'dist', 'workspace', 'session-match-thread.js');
		expect(fs.existsSync(path.join(path.dirname(built), 'session-match-thread-main.js'))).toBe(true);
		const mod = (await import(built)) as typeof import('../../source/workspace/session-match-thread.js');
		let fellBack = 0;
		const thread = mod.createSessionMatchThread(d.ws.indexPath, () => {
			fellBack++;
			return local;
		});
		for (const q of WORDS) expect(await thread.find(q, signal())).toBe(await local.find(q, signal()));
		// A cancelled find answers null at once.
		const c = new AbortController();
		const cancelled = thread.find('the', c.signal);
		c.abort();
		expect(await cancelled).toBeNull();
		await thread.close();
		expect(fellBack).toBe(0);
		expect(await thread.find(WORDS[0]!, signal())).toBeNull();
	});

	it('a thread that dies hands its pending and later finds to the in-process matcher', async () => {
		// A program that exits at once: the find sent to it is answered by the fallback, as is the next.
		const dying = new URL('data:text/javascript,process.exit(3)');
		let fellBack = 0;
		const thread = createSessionMatchThread(d.ws.indexPath, () => {
			fellBack++;
			return local;
		}, dying);
		const expected = await local.find(WORDS[0]!, signal());
		expect(await thread.find(WORDS[0]!, signal())).toBe(expected);
		expect(await thread.find(WORDS[1]!, signal())).toBe(await local.find(WORDS[1]!, signal()));
		expect(fellBack).toBe(1);
		await thread.close();
	});

	it('a thread that cannot load its program falls back the same way', async () => {
		const missing = new URL('file:///nonexistent/session-match-thread-main.js');
		const thread = createSessionMatchThread(d.ws.indexPath, () => local, missing);
		expect(await thread.find(WORDS[2]!, signal())).toBe(await local.find(WORDS[2]!, signal()));
		await thread.close();
	});
});
