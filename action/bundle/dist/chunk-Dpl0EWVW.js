export { n as renderSarif } from "./chunk-B1UK3a3A.js";
