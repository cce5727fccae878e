import { page } from '/assets/onego.js';
import { start } from '/assets/assist.js';
page(start);
