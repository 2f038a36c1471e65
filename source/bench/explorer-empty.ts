// The floor for the explorer's start-up: an empty Ink app (import ink and react, render one line, exit),
// in production mode like the explorer. No JSX: that would load React before NODE_ENV is set.
process.env['NODE_ENV'] ??= 'production';
const [{default: React}, {render, Text}] = await Promise.all([import('react'), import('ink')]);
const app = render(React.createElement(Text, null, 'empty ink app ready'));
setTimeout(() => app.unmount(), 200);
