export { t as run } from "./chunk-DxjITknc.js";
