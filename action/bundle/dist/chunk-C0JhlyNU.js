export { n as renderSarif } from "./chunk-FNUSXXXM.js";
