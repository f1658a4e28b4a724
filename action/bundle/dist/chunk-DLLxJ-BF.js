export { n as renderSarif } from "./chunk-CdPZUFen.js";
