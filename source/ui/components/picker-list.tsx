// A picker's choices (model, project or agent) with their session counts, windowed like the table.
import React from 'react';
import {Box} from 'ink';
import {pickerChoices, type Picker} from '../../core/screens/sessions-reducer.js';
import {groupDigits} from '../../core/format.js';
import {sanitizeLine} from '../../core/sanitize.js';
import {fit} from '../text-fit.js';
import {Segments} from './segments.js';

export function PickerList({picker, current, width, height}: {picker: Picker; current: string; width: number; height: number}) {
	const {list, options} = picker;
	const choices = pickerChoices(picker);
	const rows = choices.slice(list.offset, list.offset + Math.max(1, height - 1));
	const nameWidth = Math.max(10, Math.min(48, width - 20));
	return (
		<Box flexDirection="column" height={height}>
			<Segments width={width} segments={[
				{text: ` Filter by ${picker.column}`, token: 'title'},
				picker.query ? {text: `  ${picker.query}▏`, token: 'value'} : {text: '  type to narrow', token: 'muted'},
				{text: '  Enter chooses · Esc cancels', token: 'muted'},
			]} />
			{options === null ? <Segments width={width} segments={[{text: '  loading…', token: 'muted'}]} /> : null}
			{options !== null && picker.query && choices.length === 1 ? <Segments width={width} segments={[{text: `  no ${picker.column} contains "${picker.query}"`, token: 'muted'}]} /> : null}
			{rows.map((o, i) => {
				const selected = list.offset + i === list.cursor;
				const name = o.value === '' ? `any ${picker.column}` : sanitizeLine(o.value);
				const mark = o.value === current ? '●' : ' ';
				const text = `${selected ? '›' : ' '} ${mark} ${fit(name, nameWidth)} ${fit(groupDigits(o.sessions), 8, 'right')} ${o.sessions === 1 ? 'session' : 'sessions'}`;
				return <Segments key={o.value} width={width} segments={[{text: fit(text, selected ? width : text.length), token: selected ? 'selected' : 'text'}]} />;
			})}
		</Box>
	);
}
