import { SETTINGS } from './config.js';

/** The configuration table of the README, generated from the settings themselves. */
export function settingsTable(): string {
  const rows = SETTINGS.map(
    (s) =>
      `| \`${s.env}\` | ${s.default === undefined ? '(unset)' : `\`${s.default}\``} | ${s.secret ? 'yes' : 'no'} | ${s.description} |`,
  );
  return ['| Variable | Default | Secret | Meaning |', '| --- | --- | --- | --- |', ...rows].join('\n');
}
