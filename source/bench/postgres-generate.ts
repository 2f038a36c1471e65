// The benchmark's tapes database, generated server-side (INSERT … SELECT over generate_series): sessions with
// time-ordered UUIDs over the past month, ten traces each, five spans a trace (root agent, a main llm call
// with a tool call, the tool's result, a closing llm reply, an injected event), derive_seq stamped with the
// writing transaction's id as tapes' deriver does.
const ORG = "'00000000-0000-0000-0000-000000000000'::uuid";

/** A UUIDv7-looking ID for session i: ordered like i, as tapes' time-ordered IDs are. */
const sid = (i: string) => `(substr(lpad(to_hex(${i}), 12, '0'), 1, 8) || '-' || substr(lpad(to_hex(${i}), 12, '0'), 9, 4) || '-7000-8000-' || lpad(to_hex(${i}), 12, '0'))::uuid`;
const TEXT = "repeat('the quick brown fox jumps over the lazy dog ', 6)";

export function sessionsSql(count: number): string {
	return `INSERT INTO sessions (id, harness_id, harness_session_id, cwd, started_at, last_seen_at, total_input_tokens, total_output_tokens,
		total_cost_usd, turn_count, derived_title)
		SELECT ${sid('i')}, 'claude', 'hs-' || i, '/home/dev/projects/p' || (i % 50), now() - interval '30 days' + i * interval '2 minutes',
			now() - interval '30 days' + i * interval '2 minutes' + interval '10 minutes', 0, 0, 0, 10, 'Session ' || i
		FROM generate_series(1, ${count}) AS i`;
}

/** Traces `from`..`to` (inclusive) of sessions 1..`sessions`. */
export function tracesSql(sessions: number, from: number, to: number): string {
	return `INSERT INTO span_turns_20260615 (org_id, trace_id, session_id, user_prompt, started_at, ended_at, duration_ns, total_input_tokens,
		total_output_tokens, total_cost_usd, cache_read_tokens, derive_seq, content_hash)
		SELECT ${ORG}, 'trc_' || i || '_' || t, ${sid('i')}, 'Please change part ' || t || ' of the parser',
			now() - interval '30 days' + i * interval '2 minutes' + t * interval '50 seconds',
			now() - interval '30 days' + i * interval '2 minutes' + t * interval '50 seconds' + interval '20 seconds', 20000000000,
			3000, 400, 0.0123, 1500, pg_current_xact_id()::text::bigint, md5(i || '_' || t)
		FROM generate_series(1, ${sessions}) AS i, generate_series(${from}, ${to}) AS t`;
}

export function spansSql(sessions: number, from: number, to: number): string {
	const at = `now() - interval '30 days' + i * interval '2 minutes' + t * interval '50 seconds' + k * interval '3 seconds'`;
	return `INSERT INTO spans_20260615 (org_id, trace_id, span_id, parent_span_id, session_id, kind, name, status, call_kind, model, stop_reason,
		started_at, duration_ns, input, output, usage, seq, derive_seq, content_hash)
		SELECT ${ORG}, 'trc_' || i || '_' || t,
			CASE k WHEN 0 THEN 'agent_main_' || i || '_' || t WHEN 1 THEN 'llm_a' || i || '_' || t WHEN 2 THEN 'toolu_' || i || '_' || t
				WHEN 3 THEN 'llm_b' || i || '_' || t ELSE 'evt_' || i || '_' || t END,
			CASE k WHEN 0 THEN '' ELSE 'agent_main_' || i || '_' || t END,
			${sid('i')},
			CASE k WHEN 0 THEN 'agent' WHEN 2 THEN 'tool' WHEN 4 THEN 'event' ELSE 'llm' END,
			CASE k WHEN 0 THEN 'main' WHEN 2 THEN 'Bash' WHEN 4 THEN 'injected:system-insert' ELSE 'claude-sonnet-4-5' END,
			CASE WHEN k = 2 AND t % 7 = 0 THEN 'error' ELSE 'ok' END,
			CASE k WHEN 1 THEN 'main' WHEN 3 THEN 'main' WHEN 4 THEN 'injected:system-insert' ELSE '' END,
			CASE WHEN k IN (1, 3) THEN 'claude-sonnet-4-5' ELSE '' END,
			CASE k WHEN 1 THEN 'tool_use' WHEN 3 THEN 'end_turn' ELSE '' END,
			${at}, CASE WHEN k IN (1, 2, 3) THEN 2000000000 ELSE 0 END,
			CASE k WHEN 1 THEN jsonb_build_array(jsonb_build_object('type', 'text', 'text', 'Please change part ' || t || ' of the parser. ' || ${TEXT}))
				WHEN 2 THEN jsonb_build_array(jsonb_build_object('type', 'tool_use', 'tool_use_id', 'toolu_' || i || '_' || t, 'tool_name', 'Bash',
					'tool_input', jsonb_build_object('command', 'go test ./pkg/' || t)))
				WHEN 4 THEN jsonb_build_array(jsonb_build_object('type', 'text', 'text', ${TEXT})) END,
			CASE k WHEN 1 THEN jsonb_build_array(jsonb_build_object('type', 'text', 'text', ${TEXT}),
					jsonb_build_object('type', 'tool_use', 'tool_use_id', 'toolu_' || i || '_' || t, 'tool_name', 'Bash',
						'tool_input', jsonb_build_object('command', 'go test ./pkg/' || t)))
				WHEN 2 THEN jsonb_build_array(jsonb_build_object('type', 'tool_result', 'tool_result_id', 'toolu_' || i || '_' || t,
					'tool_output', repeat('ok  pkg/' || t || E'\\n', 40), 'is_error', t % 7 = 0))
				WHEN 3 THEN jsonb_build_array(jsonb_build_object('type', 'text', 'text', 'Done: ' || ${TEXT})) END,
			CASE WHEN k IN (1, 3) THEN jsonb_build_object('prompt_tokens', 1500, 'completion_tokens', 200, 'cache_read_input_tokens', 750,
				'total_duration_ns', 2000000000) END,
			k, pg_current_xact_id()::text::bigint, md5(i || '_' || t || '_' || k)
		FROM generate_series(1, ${sessions}) AS i, generate_series(${from}, ${to}) AS t, generate_series(0, 4) AS k`;
}

/** Grown sessions are seen again now (ingest clock) and count one more turn. */
export function touchSessionsSql(sessions: number): string {
	return `UPDATE sessions SET last_seen_at = now(), turn_count = turn_count + 1 WHERE id IN (SELECT ${sid('i')} FROM generate_series(1, ${sessions}) AS i)`;
}
