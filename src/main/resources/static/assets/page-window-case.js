import { page } from '/assets/onego.js';
import { startCase } from '/assets/window.js';
page(startCase);
