// Keeps the dependency rules of STYLE.md true: core is pure, and nothing but the CLI writes to the terminal.
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import {describe, expect, it} from 'vitest';

const root = path.resolve(import.meta.dirname, '..', 'source');

function files(dir: string): string[] {
	return fs.readdirSync(dir, {withFileTypes: true}).flatMap((e) => {
		const p = path.join(dir, e.name);
		return e.isDirectory() ? files(p) : /\.tsx?$/.test(e.name) ? [p] : [];
	});
}

// TypeScript's own pre-processor lists import, export-from and dynamic import specifiers exactly.
const importsOf = (file: string) =>
	ts.preProcessFile(fs.readFileSync(file, 'utf8'), true, true).importedFiles.map((f) => f.fileName);

describe('architecture', () => {
	it('core imports only other core modules', () => {
		const core = path.join(root, 'core');
		// Relative imports that stay inside core/ (core/screens may import ../types.js); nothing else.
		const insideCore = (f: string, i: string) => i.startsWith('.') && !path.relative(core, path.resolve(path.dirname(f), i)).startsWith('..');
		const offenders = files(core).flatMap((f) =>
			importsOf(f).filter((i) => !insideCore(f, i)).map((i) => `${path.relative(root, f)} imports ${i}`));
		expect(offenders).toEqual([]);
	});

	it('store, sources, sync and facets never import the UI', () => {
		const layers = ['store', 'sources', 'sync', 'facets'].map((d) => path.join(root, d)).filter((d) => fs.existsSync(d));
		const offenders = layers.flatMap(files).flatMap((f) =>
			importsOf(f).filter((i) => /^(react|ink)|\/ui\//.test(i)).map((i) => `${path.relative(root, f)} imports ${i}`));
		expect(offenders).toEqual([]);
	});

	it('nothing imports cli.tsx', () => {
		const offenders = files(root).filter((f) => importsOf(f).some((i) => /\/cli\.js$/.test(i)));
		expect(offenders).toEqual([]);
	});

	it('only the CLI edge and the benchmarks write to stdout or stderr', () => {
		const offenders = files(root)
			.filter((f) => !/\/cli(-output|-explorer)?\.tsx?$|\/bench\//.test(f))
			.filter((f) => /console\.(log|error|warn)|process\.std(out|err)\.write/.test(fs.readFileSync(f, 'utf8')));
		expect(offenders.map((f) => path.relative(root, f))).toEqual([]);
	});

	it('no call spreads an array into its arguments (past ~125,000 elements the stack overflows)', () => {
		// Math.max(...xs), push(...xs): every element becomes an argument on the stack. Loops, or maxOf/minOf/
		// pushAll from core/numbers.ts, take any length. Spreads inside array and object literals are fine.
		const offenders: string[] = [];
		for (const f of files(root)) {
			const sf = ts.createSourceFile(f, fs.readFileSync(f, 'utf8'), ts.ScriptTarget.Latest, true);
			const visit = (node: ts.Node): void => {
				// The calls that take arrays of data; SQL parameters and helpers take a few known values.
				const callee = ts.isCallExpression(node) ? node.expression.getText() : '';
				if (/^Math\.(max|min)$|\.(push|unshift|splice|concat)$|fromCharCode$|fromCodePoint$/.test(callee) && (node as ts.CallExpression).arguments.some(ts.isSpreadElement)) {
					offenders.push(`${path.relative(root, f)}:${sf.getLineAndCharacterOfPosition(node.getStart()).line + 1}: ${node.getText().slice(0, 80)}`);
				}
				ts.forEachChild(node, visit);
			};
			visit(sf);
		}
		expect(offenders).toEqual([]);
	});
});
