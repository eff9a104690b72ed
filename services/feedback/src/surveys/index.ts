/** What other contexts of feedback may use of surveys: its module (ports are added here as they come). */
export { SurveysModule } from './surveys.module.js';
