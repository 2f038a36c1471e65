import {describe, expect, it} from 'vitest';
import {
	buildLabel,
	firstLabelLine,
	labelText,
	normalizeSessionLabel,
	stripTaggedSection,
	truncate,
} from '../../source/core/labels.js';

describe('stripTaggedSection (acceptance 2)', () => {
	it.each([
		['removes a closed section', 'Hello <system-reminder>be nice</system-reminder> world', 'Hello  world'],
		['removes every section', '<system-reminder>a</system-reminder>Fix it<system-reminder>b</system-reminder>', 'Fix it'],
		['cuts at an unclosed tag', 'Fix the bug\n<system-reminder>never closed', 'Fix the bug'],
		['leaves other tags', '<other>x</other> keep', '<other>x</other> keep'],
		['trims', '  plain  ', 'plain'],
		['handles a close tag before the open one', '</system-reminder> a <system-reminder>b</system-reminder>', '</system-reminder> a'],
	])('%s', (_name, text, want) => {
		expect(stripTaggedSection(text, 'system-reminder')).toBe(want);
	});
});

describe('labelText and firstLabelLine', () => {
	it('strips system reminders and local commands', () => {
		expect(labelText('<local-command>ls</local-command>\n<system-reminder>r</system-reminder>\n Do it ')).toBe('Do it');
	});

	it.each([
		['first non-empty line', '\n\n  Fix the login bug  \nmore', 'Fix the login bug'],
		['skips tag lines', '<command-name>/clear</command-name>\nReal prompt', 'Real prompt'],
		['skips command: lines', 'Command: git pull\nCOMMAND: x\nnext', 'next'],
		['nothing usable', '<x>\ncommand: y', ''],
		['empty', '', ''],
	])('%s', (_name, text, want) => {
		expect(firstLabelLine(text)).toBe(want);
	});
});

describe('truncate', () => {
	it.each([
		['short', 'abc', 5, 'abc'],
		['exact', 'abcde', 5, 'abcde'],
		['cut with dots', 'abcdefgh', 6, 'abc...'],
		['n ≤ 3 cuts without dots', 'abcdef', 3, 'abc'],
		['n = 0', 'abc', 0, ''],
	])('%s', (_name, text, n, want) => {
		expect(truncate(text, n)).toBe(want);
	});

	it('fixes reference: counts code points and never splits a surrogate pair', () => {
		const text = '😀😀😀😀😀😀';
		expect(truncate(text, 6)).toBe(text);
		expect(truncate(text, 5)).toBe('😀😀...');
		expect(truncate('日本語のテキスト', 5)).toBe('日本...');
		expect(truncate('a😀b', 2)).toBe('a😀');
		expect(truncate('😀'.repeat(40), 36)).toBe(`${'😀'.repeat(33)}...`);
	});
});

describe('buildLabel (acceptance 1, 2)', () => {
	it('uses the last 3 usable prompts in order, joined and stored whole', () => {
		const prompts = [
			'checkout main and pull latest',
			'Investigate session titles',
			'Command: git checkout main && git pull',
			'Add label logic',
			'Write label test',
		];
		const label = buildLabel(prompts.map((p) => firstLabelLine(labelText(p))), 'abc');
		expect(label).toBe('Investigate session titles / Add label logic / Write label test');
		expect(label).not.toContain('checkout main');
		expect(label).not.toContain('Command:');
	});

	it('keeps short labels whole', () => {
		expect(buildLabel(['', 'Fix bug', '  '], 'id')).toBe('Fix bug');
	});

	it('falls back to the first 9 characters of the ID and ...', () => {
		const hash = '3f9a0c7e5b1d2a4c6e8f';
		expect(buildLabel([], hash)).toBe(`${hash.slice(0, 9)}...`);
		expect(buildLabel(['', '  '], 'short')).toBe('short');
	});
});

describe('normalizeSessionLabel (acceptance 13)', () => {
	it.each([
		['  Fix   Bug  ', 'fix bug'],
		['Tab\tand\nnewline', 'tab and newline'],
		['', ''],
	])('%j → %j', (s, want) => {
		expect(normalizeSessionLabel(s)).toBe(want);
	});
});
