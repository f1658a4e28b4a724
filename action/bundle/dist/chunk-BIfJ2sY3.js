export { t as renderJson } from "./chunk-eTMwzeed.js";
