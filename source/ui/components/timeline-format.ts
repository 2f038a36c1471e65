// Small formatting shared by the timeline's table, header and detail pane.
import {pad2, zonedParts} from '../../core/time.js';
import {sanitizeLine} from '../../core/sanitize.js';

export function clockTime(ms: number, timeZone: string): string {
	const p = zonedParts(ms, timeZone);
	return `${pad2(p.hour)}:${pad2(p.minute)}:${pad2(p.second)}`;
}

export function dateTime(ms: number, timeZone: string): string {
	const p = zonedParts(ms, timeZone);
	return `${p.year}-${pad2(p.month)}-${pad2(p.day)} ${pad2(p.hour)}:${pad2(p.minute)}`;
}

/** Every role under its own name (the reference showed tool and system as "user"); ×N for a merged group. */
export function roleLabel(role: string, count: number): string {
	const name = sanitizeLine(role) || '(none)';
	return count > 1 ? `${name} ×${count}` : name;
}
