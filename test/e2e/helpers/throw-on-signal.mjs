// Preloaded into the real CLI by the terminal test (node --import): SIGUSR2 throws an error nothing
// catches, so the test can crash the running explorer at a moment it chooses.
process.on('SIGUSR2', () => {
	setImmediate(() => {
		throw new Error('planted failure \u001b[31mred\u001b[0m');
	});
});
