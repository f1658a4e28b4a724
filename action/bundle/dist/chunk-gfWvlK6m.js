export { t as run } from "./chunk-z8P96Lwa.js";
