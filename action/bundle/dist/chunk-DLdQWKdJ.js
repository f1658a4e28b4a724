export { t as renderJson } from "./chunk-BGlxLKd4.js";
