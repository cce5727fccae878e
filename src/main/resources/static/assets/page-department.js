import { page } from '/assets/onego.js';
import { startQueue } from '/assets/department.js';
page(startQueue);
