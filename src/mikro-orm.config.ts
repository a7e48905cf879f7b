import 'reflect-metadata';
import { loadConfig } from './config/config.js';
import { cliOrmOptions } from './db/orm.js';
import { HUB } from './hub.js';

/**
 * MikroORM's CLI configuration (package.json `mikro-orm.configPaths` points at the built
 * file): `npm run orm -- debug`, `… migration:list`, `… schema:update --dump` run on the
 * database the hub uses, read from the same settings. A factory, so the settings are read
 * (and the PGlite folder locked) only when the CLI asks for them.
 */
export default () => cliOrmOptions(HUB, loadConfig());
