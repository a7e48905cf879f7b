// Removes the run's migrated template (see test/global-setup.mjs).
export { teardown as default } from './global-setup.mjs';
