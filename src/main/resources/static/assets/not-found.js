// The page a person sees at an address that does not exist: the header, the language switch and three ways on.
import { page } from '/assets/onego.js';

page(async () => {});
