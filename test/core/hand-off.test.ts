// The programs o, v and R hand the terminal to, as argv: a pager or editor at a line, the agent resuming a session.
import {describe, expect, it} from 'vitest';
import {openAt, resumeCommand, withFile} from '../../source/core/hand-off.js';

const at = {file: '/tmp/s.md', line: 42};

describe('openAt', () => {
	it.each([
		['less', ['+42g', '/tmp/s.md']],
		['less -R', ['-R', '+42g', '/tmp/s.md']],
		['/usr/bin/less', ['+42g', '/tmp/s.md']],
		['more', ['+42', '/tmp/s.md']],
		['vi', ['+42', '/tmp/s.md']],
		['nvim', ['+42', '/tmp/s.md']],
		['nano', ['+42', '/tmp/s.md']],
		['emacsclient -t', ['-t', '+42', '/tmp/s.md']],
		['code --wait', ['--wait', '--goto', '/tmp/s.md:42']],
		['codium', ['--goto', '/tmp/s.md:42']],
		['subl -w', ['-w', '/tmp/s.md:42']],
		['hx', ['/tmp/s.md:42']],
	])('%s', (program, args) => {
		const h = openAt(program, 'less', at);
		expect(h.command).toBe(program.split(' ')[0]);
		expect(h.args).toEqual(args);
		expect(h.atLine).toBe(true);
	});

	it('gives a program it does not know the file alone, and says so', () => {
		expect(openAt('fake-pager --flag', 'less', at)).toEqual({command: 'fake-pager', args: ['--flag', '/tmp/s.md'], cwd: '', atLine: false});
	});

	it('falls back when the variable is unset or blank, and never asks for a line before the first', () => {
		expect(openAt(undefined, 'vi', at).args).toEqual(['+42', '/tmp/s.md']);
		expect(openAt('  ', 'less', {file: 'f', line: 0}).args).toEqual(['+1g', 'f']);
	});
});

describe('withFile and resumeCommand', () => {
	it('puts the file last after the words of the variable', () => {
		expect(withFile('less -R', 'less', 'f')).toEqual({command: 'less', args: ['-R', 'f'], cwd: ''});
	});

	it('resumes Claude Code and Codex by ID; others say why not', () => {
		expect(resumeCommand({id: 'a', source: 'claude-code', parentId: null}, '/w')).toEqual({command: 'claude', args: ['--resume', 'a'], cwd: '/w'});
		expect(resumeCommand({id: 'a', source: 'codex', parentId: null}, '')).toEqual({command: 'codex', args: ['resume', 'a'], cwd: ''});
		expect(resumeCommand({id: 'a', source: 'tapes', parentId: null}, '')).toMatch(/this one is from tapes/);
		expect(resumeCommand({id: 'a', source: 'claude-code', parentId: 'p'}, '')).toMatch(/with its parent/);
	});
});
