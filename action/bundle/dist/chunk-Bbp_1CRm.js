export { n as renderSarif } from "./chunk-CKH-iPeq.js";
