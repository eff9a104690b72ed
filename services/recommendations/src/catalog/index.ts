/** What other contexts of recommendations may use of catalog: its module (ports are added here as they come). */
export { CatalogModule } from './catalog.module.js';
