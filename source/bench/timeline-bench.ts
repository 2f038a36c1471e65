// `npm run bench:timeline`: opening a 10,000-message session ÷ opening a 100-message one (goal ≤ 5), and
// the p95 key → frame while scrolling it. NODE_ENV is set before React loads (static imports would load
// its development build first, which is several times slower than what users run).
process.env['NODE_ENV'] ??= 'production';
await import('./timeline-measure.js');
