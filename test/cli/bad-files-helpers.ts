// Damaged, foreign and unreadable inputs for the bad-file CLI tests, and the assertion they share: a
// failure is one line that names the file, with no stack trace and no error class dumped.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import {expect} from 'vitest';
import {seedDemo} from '../../source/sources/demo/seed.js';

export const sha = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

/** Fixed, so the seeded database (and where its pages fall) is the same on every run. */
const SEED_NOW = Date.UTC(2026, 5, 1);

/** A real tapes database: 1,014 rows over a few hundred pages. */
export function demoTapes(file: string): string {
	seedDemo(file, {overwrite: false, now: SEED_NOW});
	return file;
}

/** The first `bytes` bytes of `from`: the header survives, the pages past the cut are gone. */
export function truncated(from: string, to: string, bytes: number): string {
	fs.writeFileSync(to, fs.readFileSync(from).subarray(0, bytes));
	return to;
}

/** A copy with the bytes [start, start + length) overwritten with 0xff: the same size, damaged inside. */
export function overwritten(from: string, to: string, start: number, length: number): string {
	const bytes = fs.readFileSync(from);
	bytes.fill(0xff, start, start + length);
	fs.writeFileSync(to, bytes);
	return to;
}

/** Where a table's root page starts in a (checkpointed) SQLite file, and how long a page is. */
export function rootPage(file: string, table: string): {start: number; length: number} {
	const db = new Database(file, {readonly: true});
	try {
		const page = db.prepare('SELECT rootpage FROM sqlite_master WHERE name = ?').pluck().get(table) as number;
		const size = db.pragma('page_size', {simple: true}) as number;
		return {start: (page - 1) * size, length: size};
	} finally {
		db.close();
	}
}

/**
 * Lets every user read and write everything under `dir`, so the CLI can run as nobody (UNPRIVILEGED)
 * over files root made; the test then takes permissions away from just the file it is about.
 */
export function shareWithAll(dir: string): void {
	fs.chmodSync(dir, 0o777);
	for (const entry of fs.readdirSync(dir, {withFileTypes: true})) {
		const full = path.join(dir, entry.name);
		if (entry.isDirectory()) shareWithAll(full);
		else if (entry.isFile()) fs.chmodSync(full, 0o666);
	}
}

/** `text` is exactly one line naming `file`, with no stack frames and no error class; returns that line. */
export function oneLine(text: string, file: string): string {
	const lines = text.trim().split('\n');
	expect(lines).toHaveLength(1);
	expect(lines[0]).toContain(file);
	expect(text).not.toMatch(/^\s+at /m);
	expect(text).not.toContain('Error:');
	return lines[0]!;
}
