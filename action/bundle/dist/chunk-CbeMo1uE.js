export { t as run } from "./chunk-Bt2dhzfu.js";
