export { t as renderJson } from "./chunk-4YRkKD7S.js";
