// Public surface of the HTTP API.
export { buildApp, newDemoKey, type AppDeps } from './app.js';
export { ensureAdminKey, hashKey, type AdminKey } from './admin-key.js';
export { ROUTES } from './routes.js';
export { buildOpenApi } from './openapi.js';
