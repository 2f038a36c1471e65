// Turns one Claude Code transcript's lines into canonical messages and session notes. Assistant lines
// that repeat one response (one line per content block, usage growing) become one message keyed by
// (message.id, requestId); tool results come back on user lines and become role 'tool' messages.
import path from 'node:path';
import type {CanonicalMessage, ToolResult} from '../../core/types.js';
import {openCalls, type FileEntry, type FileFacts, type FileMessage, type LineParser, type LeafTitle, type SessionNote, type TitleLeaf} from '../jsonl/file-source.js';
import {mergeMessages} from '../jsonl/merge-message.js';
import {checkLine, isAssistantLine, isUserLine} from './schema.js';
import {resultText, splitContent, toolUseResultFacts, toUsage} from './blocks.js';
import {implausibleTimestamp} from '../../core/time.js';

export const CLAUDE_AGENT = 'claude-code';
/** What Claude Code answers for a call the user declined or interrupted: friction, not a tool failure. */
const DECLINED = /^(The user doesn't want to (proceed with this tool use|take this action)|\[Request interrupted by user)/;
const ZERO = {input: 0, output: 0, cacheWrite: 0, cacheWrite1h: 0, cacheRead: 0, total: null};
/** Lookups kept in memory per file (tool call times, uuids); cleared past this size to bound memory. */
const MEMORY_LIMIT = 200_000;
/** Summaries kept in the saved state while a long file is read in batches (the newest ones). */
const SAVED_SUMMARIES = 100;

interface LineIdentity {
	sessionId?: string | undefined;
	agentId?: string | undefined;
	isSidechain?: boolean | undefined;
	uuid?: string | undefined;
	cwd?: string | undefined;
	gitBranch?: string | undefined;
	timestamp: string;
}

/** Why a line's time cannot place it, or null. */
function timestampProblem(ts: number, text: string): string | null {
	if (Number.isNaN(ts)) return `unreadable timestamp "${text}"`;
	return implausibleTimestamp(ts) ? `implausible timestamp "${text}" (before 1970 or after 9999)` : null;
}

const lastSegment = (p: string) => p.split(/[\\/]/).filter(Boolean).pop() ?? '';
/** A worktree subagent runs in `<project>/.claude/worktrees/<name>`: its project is the one it works for. */
const WORKTREE = /[\\/]\.claude[\\/]worktrees[\\/][^\\/]+[\\/]?$/;

/** A Task/Agent call's description, the words a user reads as what the subagent was for. */
function taskTitle(call: {name: string; args: unknown}): {title?: string} {
	if (call.name !== 'Task' && call.name !== 'Agent') return {};
	const d = (call.args as {description?: unknown} | null)?.description;
	return typeof d === 'string' && d.trim() !== '' ? {title: d.trim()} : {};
}

/** The project folder of a transcript (`<root>/<encoded cwd>/…`), for lines that carry no cwd. */
function folderProject(file: string): string {
	const parts = path.dirname(file).split(path.sep);
	const folder = parts.at(-1) === 'subagents' ? parts.at(-3) : parts.at(-1);
	return (folder ?? '').replace(/^-+/, '').split('-').pop() ?? '';
}

/** Carried from one sync to the next: the last model per session, for the prompts and results after it. */
export interface ClaudeState {
	models: Record<string, string>;
	/** Tool calls whose results have not come yet: a result in a later sync still gets its name and latency. */
	calls?: Record<string, {ts: number; name: string; title?: string}>;
	/** Summaries whose leaf was not read yet when a long file was cut into batches: they wait for the rest of it. */
	summaries?: Array<{leafUuid: string; text: string}>;
}

export function createClaudeParser(entry: FileEntry, saved: unknown = null, file: Partial<FileFacts> = {}): LineParser {
	const base = path.basename(entry.path, '.jsonl');
	const agentFile = base.startsWith('agent-');
	const fileSession = agentFile ? '' : base;
	const fallbackProject = folderProject(entry.path);
	const pending = new Map<string, FileMessage>();
	let notes: SessionNote[] = [];
	let summaries: Array<{leafUuid: string; text: string}> = [...((saved as ClaudeState | null)?.summaries ?? [])];
	const noted = new Map<string, {cwd: string | undefined; gitBranch: string | undefined; sid: string}>();
	let projectOf = {cwd: '', project: ''};
	const uuidSession = new Map<string, string>();
	/** Each session's last message since the last drain: a summary in another file or sync may name it. */
	const lastUuid = new Map<string, string>();
	const toolUses = new Map<string, {ts: number; name: string; title?: string}>(Object.entries((saved as ClaudeState | null)?.calls ?? {}));
	const firstKeyOfMessage = new Map<string, string>();
	const lastModel = new Map<string, string>(Object.entries((saved as ClaudeState | null)?.models ?? {}));

	const bounded = <K, V>(m: Map<K, V>) => {
		if (m.size > MEMORY_LIMIT) m.clear();
		return m;
	};

	const agentSessions = new Map<string, string>();
	/**
	 * A subagent's session: `agent-<id>`, as it always was, unless another session already has a subagent of
	 * that ID; then it is scoped to its own parent (`agent-<id>@<first 8 of the parent>`), so the two stay apart.
	 */
	function agentSession(agent: string, parent: string): string {
		const key = `${parent}\u0000${agent}`;
		let id = agentSessions.get(key);
		if (id === undefined) {
			const plain = `agent-${agent}`;
			const known = file.parentOf?.(plain);
			id = known && known !== parent ? `${plain}@${parent.slice(0, 8)}` : plain;
			bounded(agentSessions).set(key, id);
		}
		return id;
	}

	/** The session a line belongs to: its own, or for a subagent's line `agent-<id>`, linked to its parent. */
	function sessionOf(line: LineIdentity): string | null {
		const sid = line.sessionId || fileSession;
		if (!sid) return null;
		const agent = line.agentId || (agentFile ? base.slice('agent-'.length) : '');
		const sessionId = agent && (line.isSidechain || agentFile) ? agentSession(agent, sid) : sid;
		const seen = noted.get(sessionId);
		if (!seen || seen.cwd !== line.cwd || seen.gitBranch !== line.gitBranch || seen.sid !== sid) {
			noted.set(sessionId, {cwd: line.cwd, gitBranch: line.gitBranch, sid});
			const note: SessionNote = {sessionId};
			if (line.cwd) note.cwd = line.cwd;
			if (line.gitBranch) note.gitBranch = line.gitBranch;
			if (sessionId !== sid) Object.assign(note, {parentId: sid, agentId: agent});
			notes.push(note);
		}
		if (line.uuid) {
			bounded(uuidSession).set(line.uuid, sessionId);
			lastUuid.set(sessionId, line.uuid);
		}
		return sessionId;
	}

	function project(cwd: string): string {
		if (projectOf.cwd !== cwd) projectOf = {cwd, project: lastSegment(cwd.replace(WORKTREE, ''))};
		return projectOf.project;
	}

	function message(line: LineIdentity, ts: number, fields: Partial<CanonicalMessage> & {id: string; role: string}): CanonicalMessage {
		return {
			parentId: null, model: '', provider: 'anthropic', agent: CLAUDE_AGENT,
			project: line.cwd ? project(line.cwd) : fallbackProject, timestamp: ts, text: '', toolCalls: [], toolResults: [],
			usage: {...ZERO}, stopReason: '', latencyMs: null, recordedCost: null, validations: [], meta: null, ...fields,
		};
	}

	function emit(fm: FileMessage): void {
		const model = fm.message.model;
		if (model) lastModel.set(fm.sessionId, model);
		else if (lastModel.has(fm.sessionId)) fm.carriedModel = lastModel.get(fm.sessionId)!;
		const seen = pending.get(fm.message.id);
		if (seen) seen.message = mergeMessages(seen.message, fm.message);
		else pending.set(fm.message.id, fm);
	}

	function assistant(value: Record<string, unknown>, lineNo: number): string | null {
		const parsed = checkLine('assistant', value, isAssistantLine);
		if (!parsed.ok) return `not a Claude Code assistant line (${parsed.issue})`;
		const line = parsed.line;
		const ts = Date.parse(line.timestamp);
		const badTime = timestampProblem(ts, line.timestamp);
		if (badTime) return badTime;
		const sessionId = sessionOf(line);
		if (!sessionId) return 'no sessionId';
		const m = line.message;
		const key = m.id && line.requestId ? `${m.id}:${line.requestId}` : (line.uuid ?? `${sessionId}:${lineNo}`);
		let replayOf: string | undefined;
		if (m.id) {
			const first = firstKeyOfMessage.get(m.id);
			// A side question (/btw) replays earlier responses as sidechain lines with new request IDs.
			if (line.isSidechain && first !== undefined && first !== key) return null;
			if (line.isSidechain) replayOf = `${m.id}:`;
			if (first === undefined) bounded(firstKeyOfMessage).set(m.id, key);
		}
		const parts = splitContent(m.content);
		for (const call of parts.toolCalls) if (call.id) bounded(toolUses).set(call.id, {ts, name: call.name, ...taskTitle(call)});
		// `<synthetic>` rows are Claude Code's own notices (API errors, interruptions): no model, no spend.
		const synthetic = m.model === '<synthetic>';
		emit({sessionId, seq: lineNo, merge: true, ...(replayOf ? {replayOf} : {}), message: message(line, ts, {
			id: key, role: 'assistant', model: synthetic ? '' : (m.model ?? ''), text: parts.text, toolCalls: parts.toolCalls,
			...(parts.parts.length ? {parts: parts.parts} : {}),
			usage: synthetic ? {...ZERO} : toUsage(m.usage), stopReason: m.stop_reason ?? '', meta: synthetic ? {synthetic: true} : null,
		})});
		return null;
	}

	function user(value: Record<string, unknown>, lineNo: number): string | null {
		const parsed = checkLine('user', value, isUserLine);
		if (!parsed.ok) return `not a Claude Code user line (${parsed.issue})`;
		const line = parsed.line;
		const ts = Date.parse(line.timestamp);
		const badTime = timestampProblem(ts, line.timestamp);
		if (badTime) return badTime;
		const sessionId = sessionOf(line);
		if (!sessionId) return 'no sessionId';
		const parts = splitContent(line.message.content);
		const extra = parts.results.length === 1 ? toolUseResultFacts(line.toolUseResult) : {errorText: null, durationMs: null};
		const toolResults: ToolResult[] = parts.results.map((b) => {
			const id = b.tool_use_id ?? '';
			const call = toolUses.get(id);
			toolUses.delete(id);
			// The subagent a Task/Agent call started is named in its result: it takes the call's description as its title.
			const agentId = (line.toolUseResult as {agentId?: unknown} | null | undefined)?.agentId;
			if (call?.title && typeof agentId === 'string' && agentId !== '') notes.push({sessionId: `agent-${agentId}`, taskTitle: call.title});
			const content = resultText(b.content);
			const isError = b.is_error === true;
			return {id, name: call?.name ?? '', content, error: isError ? (extra.errorText ?? content) : '', isError,
				latencyMs: extra.durationMs ?? (call ? Math.max(0, ts - call.ts) : null), ...(isError && DECLINED.test(content) ? {declined: true} : {})};
		});
		if (parts.text === '' && toolResults.length === 0 && parts.parts.length === 0) return null;
		// Slash-command expansions and compaction summaries are written as user lines, but nobody typed them.
		const role = line.isMeta || line.isCompactSummary ? 'system' : parts.text === '' ? 'tool' : 'user';
		emit({sessionId, seq: lineNo, merge: false, message: message(line, ts, {id: line.uuid ?? `${sessionId}:${lineNo}`, role, text: parts.text, toolResults,
			...(parts.parts.length ? {parts: parts.parts} : {})})});
		return null;
	}

	function system(value: Record<string, unknown>, lineNo: number): string | null {
		if (value['subtype'] !== 'compact_boundary') return null;
		const parsed = checkLine('system', value);
		if (!parsed.ok) return `not a Claude Code system line (${parsed.issue})`;
		const line = parsed.line;
		const ts = Date.parse(line.timestamp);
		const sessionId = sessionOf(line);
		if (!sessionId || Number.isNaN(ts)) return 'compaction boundary without session or time';
		const c = line.compactMetadata;
		const before = c?.preTokens ? `, ${c.preTokens.toLocaleString('en-US')} tokens before` : '';
		emit({sessionId, seq: lineNo, merge: false, message: message(line, ts, {
			id: line.uuid ?? `${sessionId}:${lineNo}`, role: 'system', text: `— conversation compacted (${c?.trigger ?? 'unknown trigger'}${before}) —`,
			meta: {compactBoundary: {trigger: c?.trigger ?? null, preTokens: c?.preTokens ?? null, postTokens: c?.postTokens ?? null}},
		})});
		return null;
	}

	function title(value: Record<string, unknown>, type: string): string | null {
		const str = (k: string) => typeof value[k] === 'string';
		if (type === 'summary') {
			const parsed = checkLine('summary', value, () => str('summary') && (value['leafUuid'] === undefined || str('leafUuid')));
			if (!parsed.ok) return `not a Claude Code summary line (${parsed.issue})`;
			if (parsed.line.leafUuid && parsed.line.summary.trim()) summaries.push({leafUuid: parsed.line.leafUuid, text: parsed.line.summary.trim()});
			return null;
		}
		const field = type === 'ai-title' ? 'aiTitle' : 'customTitle';
		const parsed = checkLine(field, value, () => str(field) && str('sessionId'));
		if (!parsed.ok) return `not a Claude Code ${type} line (${parsed.issue})`;
		const text = String(value[field]).trim();
		if (text) notes.push({sessionId: String(value['sessionId']), [field]: text});
		return null;
	}

	return {
		accept(value, lineNo) {
			if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'not a JSON object';
			const line = value as Record<string, unknown>;
			const type = line['type'];
			if (type === 'assistant') return assistant(line, lineNo);
			if (type === 'user') return user(line, lineNo);
			if (type === 'system') return system(line, lineNo);
			if (type === 'summary' || type === 'ai-title' || type === 'custom-title') return title(line, type);
			return null;
		},
		drain(final) {
			// A summary names the last message it covers and titles that message's session; one whose leaf
			// this file did not hold goes to the sync, which looks for it in what other files and syncs read.
			const unresolved: typeof summaries = [];
			const leafTitles: LeafTitle[] = [];
			for (const s of summaries) {
				const sessionId = uuidSession.get(s.leafUuid);
				if (sessionId) notes.push({sessionId, summaryTitle: s.text});
				else if (final) leafTitles.push({leafUuid: s.leafUuid, title: s.text});
				else unresolved.push(s);
			}
			summaries = unresolved;
			const leaves: TitleLeaf[] = [];
			for (const [sessionId, uuid] of lastUuid) leaves.push({uuid, sessionId});
			lastUuid.clear();
			const out = {messages: [...pending.values()], notes, leaves, leafTitles};
			pending.clear();
			notes = [];
			return out;
		},
		state: (): ClaudeState => ({models: Object.fromEntries(lastModel), calls: openCalls(toolUses),
			...(summaries.length > 0 ? {summaries: summaries.slice(-SAVED_SUMMARIES)} : {})}),
	};
}
