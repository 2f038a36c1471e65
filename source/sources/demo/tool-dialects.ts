// How each agent spells its tool calls and what the tools answer. Claude Code uses Read/Grep/Edit/
// Write/Bash, opencode the same tools in lower case with camelCase inputs, Codex a `shell` tool and
// `apply_patch`. Only Claude-style `Bash` commits count as git activity for the reference's status
// rule, which is true of real traffic as well.
import type { ContentBlock } from '../tapes/content-block.js';
import { toolUseBlock } from './demo-spec.js';

export type DemoAgent = 'claude' | 'codex' | 'opencode' | null;

export type ToolAction =
	| { kind: 'read'; file: string }
	| { kind: 'grep'; pattern: string; hits: string[] }
	| { kind: 'edit'; file: string }
	| { kind: 'write'; file: string }
	| { kind: 'bash'; command: string; output: string; isError: boolean };

const FIRST_LINES: Array<[RegExp, string]> = [
	[/\.go$/, 'package {dir}\n\nimport (\n\t"context"\n\t"fmt"\n)'],
	[/\.ts$/, "import { z } from 'zod';\nimport type { Request, Response } from 'express';"],
	[/\.py$/, 'from decimal import Decimal\n\nfrom django.db import models, transaction'],
	[/\.tf$/, 'resource "aws_db_instance" "main" {\n  identifier     = "acme-prod"\n  engine         = "postgres"'],
	[/\.ya?ml$/, 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api'],
	[/\.md$/, '---\ntitle: Getting started\ndescription: Install tapes and record your first session.\n---'],
	[/\.sh$/, '#!/usr/bin/env bash\nset -euo pipefail'],
];

/** A few numbered lines of the file, as the read tools print them. */
function fileHead(file: string): string {
	const dir = file.split('/').at(-2) ?? 'main';
	const head = FIRST_LINES.find(([re]) => re.test(file))?.[1] ?? `// ${file}`;
	return head
		.replace('{dir}', dir)
		.split('\n')
		.map((line, i) => `${String(i + 1).padStart(6)}\t${line}`)
		.join('\n');
}

function grepOutput(action: Extract<ToolAction, { kind: 'grep' }>): string {
	return action.hits.map((file, i) => `${file}:${17 + i * 23}:  ${action.pattern}`).join('\n');
}

/** The tool_use block for an action in the agent's dialect. */
export function toolUse(agent: DemoAgent, action: ToolAction, id: string): ContentBlock {
	if (agent === 'codex') {
		const shell = (cmd: string) => toolUseBlock('shell', { command: ['bash', '-lc', cmd], workdir: '.' }, id);
		switch (action.kind) {
			case 'read':
				return shell(`sed -n '1,200p' ${action.file}`);
			case 'grep':
				return shell(`rg -n "${action.pattern}"`);
			case 'edit':
				return toolUseBlock('apply_patch', { input: `*** Begin Patch\n*** Update File: ${action.file}\n*** End Patch` }, id);
			case 'write':
				return toolUseBlock('apply_patch', { input: `*** Begin Patch\n*** Add File: ${action.file}\n*** End Patch` }, id);
			case 'bash':
				return shell(action.command);
		}
	}
	const lower = agent === 'opencode';
	const name = (n: string) => (lower ? n.toLowerCase() : n);
	const pathKey = lower ? 'filePath' : 'file_path';
	switch (action.kind) {
		case 'read':
			return toolUseBlock(name('Read'), { [pathKey]: action.file }, id);
		case 'grep':
			return toolUseBlock(name('Grep'), { pattern: action.pattern }, id);
		case 'edit':
			return toolUseBlock(name('Edit'), { [pathKey]: action.file }, id);
		case 'write':
			return toolUseBlock(name('Write'), { [pathKey]: action.file }, id);
		case 'bash':
			return toolUseBlock(name('Bash'), { command: action.command }, id);
	}
}

/** What the tool prints back. */
export function toolOutput(agent: DemoAgent, action: ToolAction): string {
	switch (action.kind) {
		case 'read':
			return fileHead(action.file);
		case 'grep':
			return grepOutput(action);
		case 'edit':
			if (agent === 'codex') return `Success. Updated the following files:\nM ${action.file}`;
			return agent === 'opencode' ? 'Edit applied successfully.' : `The file ${action.file} has been updated.`;
		case 'write':
			if (agent === 'codex') return `Success. Updated the following files:\nA ${action.file}`;
			return agent === 'opencode' ? 'Wrote file successfully.' : `File created successfully at: ${action.file}`;
		case 'bash':
			return action.output;
	}
}

/** One line the assistant says before calling the tool. */
export function toolPreamble(action: ToolAction): string {
	switch (action.kind) {
		case 'read':
			return `Let me look at ${action.file}.`;
		case 'grep':
			return `Searching for ${action.pattern}.`;
		case 'edit':
			return `Updating ${action.file}.`;
		case 'write':
			return `Creating ${action.file}.`;
		case 'bash':
			return action.command.includes('git commit') ? 'Committing the change.' : `Running \`${action.command}\`.`;
	}
}
