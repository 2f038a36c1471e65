// The top line: the app and screen names on the left, the period chips on the right.
import React, {memo} from 'react';
import {PERIODS} from '../../core/time.js';
import type {PeriodChoice} from '../../core/screens/sessions-filters.js';
import {SplitLine, type Segment} from './segments.js';

export function periodChips(period: PeriodChoice | null): Segment[] {
	if (period === null) return [];
	const chips = [...PERIODS, ...(period === 'custom' ? ['custom' as const] : [])];
	return chips.flatMap((p, i) => [
		...(i > 0 ? [{text: ' '}] : []),
		p === period ? {text: `[${p}]`, token: 'chipOn' as const} : {text: ` ${p} `, token: 'chipOff' as const},
	]);
}

export const TitleBar = memo(function TitleBar({screen, period, width}: {screen: string; period: PeriodChoice | null; width: number}) {
	return (
		<SplitLine
			width={width}
			left={[{text: ' tapedeck', token: 'title'}, {text: ' › ', token: 'muted'}, {text: screen, token: 'value'}]}
			right={periodChips(period)}
		/>
	);
});
