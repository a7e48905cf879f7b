/** The settings as the rest of the hub reads them: loaded and validated once (config.ts). */
export { ConfigError, loadConfig, type HubConfig } from './config.js';
