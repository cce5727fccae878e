import { page } from '/assets/onego.js';
import { startQueue } from '/assets/window.js';
page(startQueue);
