import { page } from '/assets/onego.js';
import { startTask } from '/assets/department.js';
page(startTask);
