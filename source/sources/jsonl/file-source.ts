// What every transcript reader (Claude Code, Codex, PromptKit) gives the file sync: the files of a root,
// a cheap line filter, and, loaded only when some file changed, a parser per file that turns parsed
// lines into canonical messages and notes about their sessions.
import type {CanonicalMessage, SourceKind} from '../../core/types.js';

export interface FileEntry {
	path: string;
	/** 'lines': JSONL read incrementally; 'json': a small JSON document read whole when it changes. */
	kind: 'lines' | 'json';
	/**
	 * Files are read by group (e.g. sessions before their subagents), oldest first within a group, so
	 * a response repeated in a later transcript (a resumed session) is credited to the one it came from.
	 */
	group: number;
}

export interface FileMessage {
	sessionId: string;
	/** Order within the file (line number): the tie-break after the timestamp. */
	seq: number;
	message: CanonicalMessage;
	/**
	 * Copies of one message may arrive more than once (Claude Code writes a line per content block, and
	 * resumed transcripts repeat earlier ones): merge them, keeping the largest usage. Otherwise a message
	 * already stored is left as it is.
	 */
	merge: boolean;
	/** Drop it when another message whose ID starts with this prefix exists (a side question replaying one). */
	replayOf?: string;
	/**
	 * Read again from a file rewritten in place: a stored copy in the same session takes this content as it
	 * is (the file is what the session now says), instead of being kept or merged.
	 */
	overwrite?: boolean;
	/** The model of the session's previous response, for a message that names none (prompts, tool results). */
	carriedModel?: string;
}

/** What a transcript says about a session besides its messages. Fields left out are left as they are. */
export interface SessionNote {
	sessionId: string;
	customTitle?: string;
	aiTitle?: string;
	summaryTitle?: string;
	/** A subagent's title from the parent's Task/Agent call that started it (its description). */
	taskTitle?: string;
	cwd?: string;
	gitBranch?: string;
	parentId?: string | null;
	agentId?: string;
}

/** A message that was its session's last in what a parser read: the leaf a later summary may name. */
export interface TitleLeaf {
	uuid: string;
	sessionId: string;
}

/** A title naming its session by its leaf message's uuid, which the file it came from did not hold. */
export interface LeafTitle {
	leafUuid: string;
	title: string;
}

export interface FileOutput {
	messages: FileMessage[];
	notes: SessionNote[];
	/** Sources whose titles may name a session by a message in another file (Claude Code summaries). */
	leaves?: TitleLeaf[];
	leafTitles?: LeafTitle[];
}

export interface LineParser {
	/** Takes one parsed line; returns a problem to report for that line, or null. */
	accept(value: unknown, lineNo: number): string | null;
	/** Hands over what accumulated since the last call; `final` at the end of what the file holds now. */
	drain(final: boolean): FileOutput;
	/** JSON-safe state to resume with from the cursor on the next sync. */
	state(): unknown;
}

/** Tool calls still waiting for their result, kept in a parser's saved state (the newest `limit`). */
export function openCalls<T>(calls: Map<string, T>, limit = 1000): Record<string, T> {
	return Object.fromEntries([...calls].slice(-limit));
}

export interface FileFacts {
	size: number;
	mtimeMs: number;
	/** The parent already recorded for a session ID (in the index, or earlier in this sync), to scope colliding subagent IDs. */
	parentOf?: (sessionId: string) => string | null | undefined;
}

export interface FileSourceReader {
	parser(entry: FileEntry, saved: unknown, file: FileFacts): LineParser;
	/** For 'json' entries: the notes in the document, or a problem. */
	readJson?(entry: FileEntry, value: unknown): FileOutput | string;
}

export interface FileSourceAdapter {
	kind: SourceKind;
	/** The transcript files under a root. */
	list(root: string): FileEntry[];
	skipLine?: (buf: Buffer, start: number, end: number) => boolean;
	/**
	 * For sources whose sessions each come from one file (Codex, PromptKit): the session a file's saved
	 * state belongs to, whose messages are dropped before a replaced file is read again.
	 */
	sessionOfState?: (saved: unknown) => string | null;
	/** The parsers (and zod with them), imported only when a file has to be read. */
	load(): Promise<FileSourceReader>;
}
