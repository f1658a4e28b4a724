export { t as run } from "./chunk-DX39JPNl.js";
