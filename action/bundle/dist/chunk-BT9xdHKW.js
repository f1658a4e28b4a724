export { n as renderSarif } from "./chunk-CygsC3kX.js";
