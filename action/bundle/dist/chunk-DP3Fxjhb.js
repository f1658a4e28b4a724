export { t as run } from "./chunk-Dwrj5yW5.js";
