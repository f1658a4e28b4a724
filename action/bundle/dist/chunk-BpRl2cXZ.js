export { t as renderJson } from "./chunk-DpDzN5zQ.js";
